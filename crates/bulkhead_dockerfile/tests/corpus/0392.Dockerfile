# syntax=docker/dockerfile:1
# Generated corpus file 392: a service image

ARG BASE_IMAGE=golang:1.22-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-392" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        jq \
        tzdata \
        locales \
        curl \
        xz-utils \
        libssl-dev \
        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD ["python", "-m", "app"]
