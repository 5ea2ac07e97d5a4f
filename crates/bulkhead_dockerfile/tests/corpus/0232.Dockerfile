# Generated corpus file 232: a service image

ARG BASE_IMAGE=ubuntu:22.04
ARG VERSION=2.14.4
FROM python:3.11-slim AS compile
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM golang:1.22-alpine
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-232" maintainer="team-1@example.com"
RUN apk add --no-cache su-exec openssl ca-certificates bash curl
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=compile --chown=10001:10001 /out/ ./
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
CMD node dist/main.js
