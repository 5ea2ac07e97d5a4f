# syntax=docker/dockerfile:1.7
# Generated corpus file 81: a service image

ARG BASE_IMAGE=golang:1.23
ARG VERSION=2.1.2
FROM python:3.10-slim AS builder
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-81" maintainer="team-4@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        curl \
        openssl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /srv
COPY --from=builder --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD ["/app/server", "--port", "8080"]
