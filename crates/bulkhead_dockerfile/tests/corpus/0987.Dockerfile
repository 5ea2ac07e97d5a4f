# syntax=docker/dockerfile:1
# Generated corpus file 987: a service image

ARG BASE_IMAGE=alpine:3.20
FROM python:3.11-slim AS assets
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM alpine:3.20 AS final
LABEL org.opencontainers.image.title="service-987" maintainer="team-0@example.com"
RUN apk add --no-cache curl ca-certificates openssl libstdc++ bash
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
CMD node dist/main.js
