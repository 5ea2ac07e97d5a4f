# Generated corpus file 411: a service image

ARG BASE_IMAGE=rust:1.82-slim
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-411" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        ca-certificates \
        pkg-config \
        unzip \
        jq \
        locales \
        libpq-dev \
    && apt-get clean
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install django==4.7.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
CMD node dist/main.js
