# syntax=docker/dockerfile:1
# Generated corpus file 611: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
ARG VERSION=0.12.9
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS compile1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-611" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        build-essential=1.* \
        curl=6.* \
        gnupg \
        libpq-dev=2.* \
        tzdata=9.* \
        git=3.* \
    && rm -rf /var/lib/apt/lists/*
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /usr/src/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --from=compile1 --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
CMD ["/app/server", "--port", "8080"]
