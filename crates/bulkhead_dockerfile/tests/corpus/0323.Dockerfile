# syntax=docker/dockerfile:1.7
# Generated corpus file 323: a service image

ARG BASE_IMAGE=fedora:40
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-323" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        pkg-config \
        build-essential \
        curl \
    && apt-get clean
WORKDIR /app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
