# syntax=docker/dockerfile:1.7
# Generated corpus file 436: a service image

ARG BASE_IMAGE=opensuse/leap:15.6
FROM rust:1.79-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM node:20-alpine
LABEL org.opencontainers.image.title="service-436" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add --no-cache tini libstdc++ bash git ca-certificates
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
CMD node dist/main.js
