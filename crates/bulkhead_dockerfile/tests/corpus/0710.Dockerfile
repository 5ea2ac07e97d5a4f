# syntax=docker/dockerfile:1
# Generated corpus file 710: a service image

FROM rust:1.78-slim AS compile
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM node:20-alpine AS builder1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM rust:1.82-slim AS final
LABEL org.opencontainers.image.title="service-710" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        pkg-config \
        curl \
        build-essential \
        locales \
    && apt-get clean
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install gunicorn==3.3.0
WORKDIR /srv
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --from=builder1 --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
