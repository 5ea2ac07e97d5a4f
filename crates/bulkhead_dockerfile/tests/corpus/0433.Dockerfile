# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 433: a service image

ARG BASE_IMAGE=python:3.12-slim
FROM rust:1.82-slim
LABEL org.opencontainers.image.title="service-433" maintainer="team-6@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        unzip \
        xz-utils \
        locales \
        jq \
        gnupg \
        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /opt/app
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
