# syntax=docker/dockerfile:1
# Generated corpus file 718: a service image

ARG BASE_IMAGE=python:3.11-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-718" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        pkg-config \
        libssl-dev \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER nobody
CMD node dist/main.js
