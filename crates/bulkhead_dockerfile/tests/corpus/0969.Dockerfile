# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 969: a service image

ARG BASE_IMAGE=debian:bookworm
ARG VERSION=3.5.5
FROM debian:bookworm
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-969" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        xz-utils=9.* \
        libpq-dev=2.* \
        gnupg=2.* \
        git=1.* \
    && apt-get clean
WORKDIR /srv
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 443 8443
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD node dist/main.js
