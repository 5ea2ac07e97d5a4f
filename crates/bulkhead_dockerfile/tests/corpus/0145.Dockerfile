# Generated corpus file 145: a service image

ARG VERSION=2.9.2
FROM ubuntu:22.04
LABEL org.opencontainers.image.title="service-145" maintainer="team-5@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        build-essential \
        jq=6.* \
        pkg-config \
        git=5.* \
        xz-utils=6.* \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
