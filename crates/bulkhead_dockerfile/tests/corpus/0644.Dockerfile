# syntax=docker/dockerfile:1.7
# Generated corpus file 644: a service image

ARG BASE_IMAGE=golang:1.23
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-644" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -y \
        jq \
        build-essential \
        libpq-dev \
        unzip \
        tzdata \
        openssl \
        gnupg \
    && apt-get clean
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
USER nobody
CMD ["python", "-m", "app"]
