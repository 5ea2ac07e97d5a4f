# syntax=docker/dockerfile:1
# Generated corpus file 857: a service image

ARG BASE_IMAGE=golang:1.23
FROM python:3.10-slim AS builder
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-857" maintainer="team-3@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        curl \
        git \
        ca-certificates \
        libpq-dev \
        build-essential \
        pkg-config \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
