# syntax=docker/dockerfile:1
# Generated corpus file 753: a service image

ARG BASE_IMAGE=opensuse/leap:15.6
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM rust:1.82-slim AS final
LABEL org.opencontainers.image.title="service-753" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates=4.* \
        libpq-dev=6.* \
        build-essential=2.* \
        xz-utils \
        curl=2.* \
    && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /opt/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 443 8443
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
