# syntax=docker/dockerfile:1
# Generated corpus file 666: a service image

ARG BASE_IMAGE=ubuntu:22.04
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-666" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -qq \
        pkg-config \
        xz-utils \
        libssl-dev=3.* \
        curl=2.* \
    && apt-get clean
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /app
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
