# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 344: a service image

ARG BASE_IMAGE=debian:12-slim
ARG VERSION=0.9.0
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-344" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        xz-utils \
        jq \
        openssl \
        ca-certificates \
        git \
        libssl-dev \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
CMD ["python", "-m", "app"]
