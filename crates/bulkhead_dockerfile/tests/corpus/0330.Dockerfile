# syntax=docker/dockerfile:1
# Generated corpus file 330: a service image

ARG BASE_IMAGE=nginx:1.27-alpine
ARG VERSION=3.13.8
FROM python:3.11-slim AS assets
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM node:22-alpine AS test1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-330" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        git \
        locales \
        libpq-dev \
        openssl \
        curl \
        unzip \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --from=test1 --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
EXPOSE 443 8443
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
