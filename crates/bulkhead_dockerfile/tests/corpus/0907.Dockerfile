# syntax=docker/dockerfile:1
# Generated corpus file 907: a service image

ARG BASE_IMAGE=opensuse/leap:15.6
ARG VERSION=3.7.6
FROM rust:1.79-slim AS builder
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM debian:bookworm
LABEL org.opencontainers.image.title="service-907" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        openssl \
        ca-certificates \
        libssl-dev \
        xz-utils \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install gunicorn==3.1.0
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
COPY --from=builder --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD ["python", "-m", "app"]
