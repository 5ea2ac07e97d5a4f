# syntax=docker/dockerfile:1.7
# Generated corpus file 438: a service image

ARG VERSION=2.11.0
FROM python:3.12-slim AS compile
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM golang:1.23 AS final
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-438" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        ca-certificates \
        unzip \
        pkg-config \
        build-essential \
        gnupg \
        libssl-dev \
    && apt-get clean
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
CMD ["/app/server", "--port", "8080"]
