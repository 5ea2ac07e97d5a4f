# syntax=docker/dockerfile:1
# Generated corpus file 965: a service image

ARG VERSION=2.19.0
FROM golang:1.23 AS final
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-965" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        build-essential \
        openssl \
        curl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install flask==4.7.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
EXPOSE 9000-9005/udp
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
