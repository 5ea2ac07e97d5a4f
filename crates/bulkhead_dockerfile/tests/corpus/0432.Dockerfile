# syntax=docker/dockerfile:1.7
# Generated corpus file 432: a service image

ARG VERSION=1.8.2
FROM rust:1.78-slim AS test
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM golang:1.22-alpine AS final
LABEL org.opencontainers.image.title="service-432" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add --no-cache bash openssl tini su-exec ca-certificates
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
