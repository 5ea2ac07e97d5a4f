# syntax=docker/dockerfile:1.7
# Generated corpus file 811: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
ARG VERSION=0.8.4
FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-811" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install -y \
        libpq-dev \
        ca-certificates \
        curl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /srv
EXPOSE 5000
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD ["python", "-m", "app"]
