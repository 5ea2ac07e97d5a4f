# syntax=docker/dockerfile:1
# Generated corpus file 543: a service image

ARG BASE_IMAGE=rockylinux:9
ARG VERSION=0.19.1
FROM rust:1.82-slim AS compile
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-543" maintainer="team-4@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        build-essential \
        libpq-dev \
    && apt-get clean
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /srv
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
EXPOSE 5000
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD ["/app/server", "--port", "8080"]
