# syntax=docker/dockerfile:1
# Generated corpus file 533: a service image

FROM rust:1.82-slim AS test
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM node:22-bookworm-slim AS final
LABEL org.opencontainers.image.title="service-533" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        pkg-config \

        libssl-dev=4.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=test --chown=10001:10001 /out/ ./
EXPOSE 443 8443
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
