# syntax=docker/dockerfile:1
# Generated corpus file 473: a service image

ARG BASE_IMAGE=fedora:40
ARG VERSION=0.7.6
FROM node:20-alpine AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM python:3.11-slim AS test1
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-473" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        git=9.* \
        tzdata=4.* \
        xz-utils \
        libpq-dev \
        ca-certificates \
        jq \
        build-essential \
    && apt-get clean
WORKDIR /usr/src/app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --from=test1 --chown=10001:10001 /out/ ./
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
