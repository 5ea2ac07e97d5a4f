# syntax=docker/dockerfile:1
# Generated corpus file 697: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-697" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -qq \
        curl \
        pkg-config=2.* \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
CMD ["python", "-m", "app"]
