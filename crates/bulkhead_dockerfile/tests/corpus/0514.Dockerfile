# syntax=docker/dockerfile:1.7
# Generated corpus file 514: a service image

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-514" maintainer="team-3@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq-dev \
        jq \
        libssl-dev \
        git \
        gnupg \
        locales \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --from=build1 --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
