# syntax=docker/dockerfile:1
# Generated corpus file 32: a service image

ARG BASE_IMAGE=alpine:3.20
ARG VERSION=2.2.8
FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-32" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -qq \
        jq=1.* \
        xz-utils=9.* \
    && rm -rf /var/lib/apt/lists/*
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /app
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER nobody
CMD ["/app/server", "--port", "8080"]
