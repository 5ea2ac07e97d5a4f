# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 662: a service image

FROM python:3.10-slim AS test
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM eclipse-temurin:21-jre AS final
LABEL org.opencontainers.image.title="service-662" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        unzip \
        jq \
        openssl=6.* \
        locales=5.* \
        pkg-config=8.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --from=test --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
