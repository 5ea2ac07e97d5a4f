# syntax=docker/dockerfile:1
# Generated corpus file 398: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
ARG VERSION=3.13.9
FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-398" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install -y \
        jq \
        gnupg \
        locales \
        libssl-dev \
        build-essential \
        openssl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=build --chown=10001:10001 /out/ ./
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
