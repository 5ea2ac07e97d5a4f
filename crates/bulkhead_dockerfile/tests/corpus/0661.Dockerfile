# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 661: a service image

FROM rust:1.82-slim AS build
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM node:20-alpine
LABEL org.opencontainers.image.title="service-661" maintainer="team-3@example.com"
RUN apk add curl libstdc++ openssl su-exec
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /srv
COPY --from=build --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
