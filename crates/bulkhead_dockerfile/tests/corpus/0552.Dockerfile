# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 552: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
ARG VERSION=1.18.7
FROM rust:1.80-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-552" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        xz-utils=7.* \
        tzdata=9.* \
        ca-certificates \
        unzip=1.* \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
