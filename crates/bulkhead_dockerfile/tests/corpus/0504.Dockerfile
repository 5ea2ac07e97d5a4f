# syntax=docker/dockerfile:1
# Generated corpus file 504: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM rust:1.82-slim AS deps
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM golang:1.23 AS final
LABEL org.opencontainers.image.title="service-504" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        xz-utils \
        pkg-config \
        jq \
        git \
        openssl \
        locales \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /opt/app
COPY --from=deps --chown=10001:10001 /out/ ./
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
