# Generated corpus file 678: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM rust:1.81-slim AS build
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM ruby:3.3-slim AS final
LABEL org.opencontainers.image.title="service-678" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates \
        locales \
        jq=9.* \
        gnupg \
        curl=5.* \
        openssl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=build --chown=10001:10001 /out/ ./
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001
CMD node dist/main.js
