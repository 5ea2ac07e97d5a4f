# syntax=docker/dockerfile:1.7
# Generated corpus file 591: a service image

ARG BASE_IMAGE=rust:1.82-slim
ARG VERSION=1.13.4
FROM rust:1.81-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-591" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        build-essential \
        openssl \
        jq \
        unzip \
        gnupg \
        pkg-config \
        git \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /usr/src/app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
