# Generated corpus file 818: a service image

ARG VERSION=0.3.0
FROM rust:1.80-slim AS test
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM debian:bookworm
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-818" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        unzip \
        openssl \
        libssl-dev \
        pkg-config \
        locales \
        tzdata \
        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
HEALTHCHECK NONE
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
