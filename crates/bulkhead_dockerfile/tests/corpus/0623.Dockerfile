# syntax=docker/dockerfile:1.7
# Generated corpus file 623: a service image

ARG BASE_IMAGE=alpine:3.19
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-623" maintainer="team-0@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        git \
        jq \
        locales \
        unzip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 443 8443
HEALTHCHECK NONE
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
