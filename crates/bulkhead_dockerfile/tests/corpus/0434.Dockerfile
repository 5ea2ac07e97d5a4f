# syntax=docker/dockerfile:1.7
# Generated corpus file 434: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
ARG VERSION=0.6.8
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-434" maintainer="team-0@example.com"
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 443 8443
CMD node dist/main.js
