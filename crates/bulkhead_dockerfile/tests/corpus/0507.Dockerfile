# syntax=docker/dockerfile:1
# Generated corpus file 507: a service image

ARG BASE_IMAGE=alpine:3.19
FROM node:22-alpine AS compile
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ruby:3.3-slim AS final
LABEL org.opencontainers.image.title="service-507" maintainer="team-3@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        unzip \
        libpq-dev \
        tzdata \
        locales \

        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=compile --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD ["python", "-m", "app"]
