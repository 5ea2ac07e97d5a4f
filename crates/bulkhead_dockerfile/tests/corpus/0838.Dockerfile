# syntax=docker/dockerfile:1
# Generated corpus file 838: a service image

FROM rust:1.82-slim AS builder
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM alpine:3.20
LABEL org.opencontainers.image.title="service-838" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add curl libstdc++ bash
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /usr/src/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
