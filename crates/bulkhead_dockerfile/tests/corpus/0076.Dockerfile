# syntax=docker/dockerfile:1
# Generated corpus file 76: a service image

FROM alpine:3.19
LABEL org.opencontainers.image.title="service-76" maintainer="team-6@example.com"
RUN apk add --no-cache git su-exec openssl
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /opt/app
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
CMD exec gunicorn -b 0.0.0.0:8000 app:app
