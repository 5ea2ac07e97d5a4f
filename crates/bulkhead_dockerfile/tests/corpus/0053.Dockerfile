# syntax=docker/dockerfile:1.7
# Generated corpus file 53: a service image

FROM rust:1.78-slim AS compile
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM alpine:3.20
LABEL org.opencontainers.image.title="service-53" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add git openssl
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
STOPSIGNAL SIGTERM
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
