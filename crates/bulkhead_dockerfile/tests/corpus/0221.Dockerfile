# Generated corpus file 221: a service image

FROM rust:1.79-slim AS compile
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM node:20-alpine AS deps1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM golang:1.22-alpine AS final
LABEL org.opencontainers.image.title="service-221" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apk add --no-cache bash tini git curl
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --from=deps1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
