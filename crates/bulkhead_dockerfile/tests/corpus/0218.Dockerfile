# syntax=docker/dockerfile:1
# Generated corpus file 218: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM rust:1.81-slim AS builder
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM python:3.12-slim AS final
LABEL org.opencontainers.image.title="service-218" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        unzip \
        tzdata \
        git \
        openssl \
    && apt-get clean
WORKDIR /usr/src/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD ["/app/server", "--port", "8080"]
