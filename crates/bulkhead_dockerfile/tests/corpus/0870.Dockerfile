# syntax=docker/dockerfile:1.7
# Generated corpus file 870: a service image

ARG BASE_IMAGE=alpine:3.20
FROM node:22-alpine AS compile
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-870" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        locales \
        ca-certificates \
        curl \
        openssl \
    && rm -rf /var/lib/apt/lists/*
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --from=compile --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 5000
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD ["python", "-m", "app"]
