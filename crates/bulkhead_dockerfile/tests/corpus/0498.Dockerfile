# Generated corpus file 498: a service image

ARG BASE_IMAGE=alpine:3.19
ARG VERSION=0.1.4
FROM rust:1.81-slim AS build
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-498" maintainer="team-1@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        locales=2.* \
        unzip \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=build --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD ["python", "-m", "app"]
