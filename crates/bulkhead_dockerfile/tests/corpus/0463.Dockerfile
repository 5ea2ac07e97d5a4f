# Generated corpus file 463: a service image

ARG BASE_IMAGE=redhat/ubi9-minimal:9.4
ARG VERSION=3.15.4
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ubuntu
LABEL org.opencontainers.image.title="service-463" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -qq \
        locales=6.* \
        git \
        tzdata \
        libpq-dev=2.* \
        unzip \
        build-essential=7.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --from=builder --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
