# syntax=docker/dockerfile:1.7
# Generated corpus file 373: a service image

ARG VERSION=3.13.0
FROM ubuntu:22.04
LABEL org.opencontainers.image.title="service-373" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        curl=2.* \
        git=9.* \
        openssl=4.* \
        jq=3.* \
        unzip=9.* \
        build-essential=1.* \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD ["python", "-m", "app"]
