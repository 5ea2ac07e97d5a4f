# syntax=docker/dockerfile:1
# Generated corpus file 616: a service image

ARG BASE_IMAGE=opensuse/leap:15.6
FROM python:3.12-slim AS builder
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM ubuntu:24.04 AS final
LABEL org.opencontainers.image.title="service-616" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -y \
        git \
        curl \
        xz-utils \

        openssl \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /usr/src/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
