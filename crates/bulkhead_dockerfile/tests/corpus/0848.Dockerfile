# syntax=docker/dockerfile:1.7
# Generated corpus file 848: a service image

FROM python:3.12-slim AS test
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM maven:3.9-eclipse-temurin-21
LABEL org.opencontainers.image.title="service-848" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        tzdata \
        git \
        curl \
        unzip \
        build-essential \
        gnupg \
        jq \
    && rm -rf /var/lib/apt/lists/*
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --from=test --chown=10001:10001 /out/ ./
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
