# Generated corpus file 376: a service image

ARG BASE_IMAGE=debian:bookworm
ARG VERSION=1.18.1
FROM rust:1.80-slim AS test
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-376" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y \
        libpq-dev \
        build-essential \
        libssl-dev \
    && apt-get clean
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
