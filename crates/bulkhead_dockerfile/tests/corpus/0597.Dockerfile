# syntax=docker/dockerfile:1
# Generated corpus file 597: a service image

ARG VERSION=0.3.6
FROM python:3.10-slim AS build
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="service-597" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        jq=5.* \
        libpq-dev \
    && apt-get clean
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
