# syntax=docker/dockerfile:1
# Generated corpus file 966: a service image

FROM node:22-alpine AS test
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-966" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        pkg-config=6.* \
        ca-certificates \
        openssl=6.* \
        libssl-dev=4.* \
        locales=1.* \
        git=3.* \
    && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD node dist/main.js
