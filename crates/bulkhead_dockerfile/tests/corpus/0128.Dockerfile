# syntax=docker/dockerfile:1
# Generated corpus file 128: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM python:3.10-slim AS assets
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-128" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache curl ca-certificates git
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /usr/src/app
COPY --from=assets --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 8080/tcp
HEALTHCHECK NONE
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
