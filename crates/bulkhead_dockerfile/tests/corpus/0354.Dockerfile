# Generated corpus file 354: a service image

ARG BASE_IMAGE=golang:1.23
FROM rust:1.78-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM nginx:1.27-alpine AS final
LABEL org.opencontainers.image.title="service-354" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apk add --no-cache curl su-exec
WORKDIR /app
COPY --from=assets --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 8080/tcp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
