# Generated corpus file 588: a service image

FROM rust:1.81-slim AS build
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="service-588" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -qq \
        git \
        build-essential \
        jq \
        curl \
        libpq-dev \
        pkg-config \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
CMD ["/app/server", "--port", "8080"]
