# syntax=docker/dockerfile:1
# Generated corpus file 887: a service image

ARG VERSION=2.3.1
FROM rust:1.80-slim AS builder
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM node:22-alpine AS build1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM alpine:3.20
LABEL org.opencontainers.image.title="service-887" maintainer="team-5@example.com"
RUN apk add --no-cache bash
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /srv
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --from=build1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
