# syntax=docker/dockerfile:1.7
# Generated corpus file 817: a service image

FROM rust:1.80-slim AS test
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM fedora:40 AS final
LABEL org.opencontainers.image.title="service-817" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN dnf install -y tar make httpd && dnf clean all
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
