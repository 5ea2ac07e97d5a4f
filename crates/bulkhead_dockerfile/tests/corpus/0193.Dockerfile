# syntax=docker/dockerfile:1
# Generated corpus file 193: a service image

ARG BASE_IMAGE=fedora:40
ARG VERSION=0.9.5
FROM node:22-alpine AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-193" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -qq \
        libpq-dev \
        pkg-config \
        tzdata \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==5.6.0
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=assets --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
USER app
CMD ["/app/server", "--port", "8080"]
