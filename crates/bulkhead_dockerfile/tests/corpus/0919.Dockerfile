# syntax=docker/dockerfile:1
# Generated corpus file 919: a service image

FROM ubuntu
LABEL org.opencontainers.image.title="service-919" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install -qq \
        pkg-config \
        openssl \
        xz-utils \
        jq \
        ca-certificates \
        libssl-dev \
        locales \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
