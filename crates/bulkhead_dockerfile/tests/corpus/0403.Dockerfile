# syntax=docker/dockerfile:1.7
# Generated corpus file 403: a service image

FROM rust:1.81-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM ghcr.io/example/base:1.4.2
LABEL org.opencontainers.image.title="service-403" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        git \
        unzip \
        xz-utils \
        jq \
        libssl-dev \
        tzdata \

        gnupg \
    && apt-get clean
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==2.3.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=assets --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
