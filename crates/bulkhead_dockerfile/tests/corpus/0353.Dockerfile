# syntax=docker/dockerfile:1.7
# Generated corpus file 353: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM rust:1.82-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-353" maintainer="team-3@example.com"
RUN apt-get update \
    && apt-get install -y \
        unzip=6.* \
        git=1.* \
        tzdata=7.* \
        pkg-config=2.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD node dist/main.js
