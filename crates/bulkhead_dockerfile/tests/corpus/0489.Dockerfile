# syntax=docker/dockerfile:1
# Generated corpus file 489: a service image

ARG BASE_IMAGE=python:3.11-alpine
FROM alpine:3.20
LABEL org.opencontainers.image.title="service-489" maintainer="team-6@example.com"
RUN apk add --no-cache libstdc++ openssl tini curl git
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
CMD ["python", "-m", "app"]
