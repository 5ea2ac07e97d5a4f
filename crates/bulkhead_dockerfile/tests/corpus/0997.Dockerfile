# syntax=docker/dockerfile:1
# Generated corpus file 997: a service image

ARG BASE_IMAGE=python:3.11-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-997" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y \
        gnupg \
        unzip \
        build-essential \
        curl \
        locales \
        jq \
        libpq-dev \
    && apt-get clean
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
