# Generated corpus file 938: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM rust:1.80-slim AS builder
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-938" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        unzip=2.* \
        tzdata=6.* \
        git \
        pkg-config=7.* \
        gnupg=1.* \
        locales \
        curl \
    && apt-get clean
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
