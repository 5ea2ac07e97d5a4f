# Generated corpus file 447: a service image

ARG BASE_IMAGE=ubuntu:22.04
ARG VERSION=3.3.5
FROM rust:1.82-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM eclipse-temurin:21-jre AS final
LABEL org.opencontainers.image.title="service-447" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install -qq \
        build-essential \
        libssl-dev=8.* \
        ca-certificates \
    && apt-get clean
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
