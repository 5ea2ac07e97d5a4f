# syntax=docker/dockerfile:1.7
# Generated corpus file 18: a service image

ARG VERSION=2.7.8
FROM python:3.12-slim AS final
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-18" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        locales \
        xz-utils \
        jq \
        libssl-dev \
        git \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
VOLUME ["/data"]
EXPOSE 80
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
USER nobody
CMD ["python", "-m", "app"]
