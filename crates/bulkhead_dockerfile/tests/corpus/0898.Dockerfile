# syntax=docker/dockerfile:1.7
# Generated corpus file 898: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM rust:1.78-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-898" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        build-essential \
        git \
    && apt-get clean
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /srv
COPY --from=assets --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
