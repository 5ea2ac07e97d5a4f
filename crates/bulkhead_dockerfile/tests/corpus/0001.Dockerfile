# syntax=docker/dockerfile:1
# Generated corpus file 1: a service image

ARG BASE_IMAGE=golang:1.22-alpine
ARG VERSION=2.1.2
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-1" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -qq \
        gnupg \
        libssl-dev \
        unzip \
        pkg-config \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==2.2.0
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install gunicorn==3.5.0
WORKDIR /srv
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
