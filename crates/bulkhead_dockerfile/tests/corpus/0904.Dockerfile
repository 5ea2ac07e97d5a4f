# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 904: a service image

ARG BASE_IMAGE=alpine:3.19
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-904" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates \
        locales \
        jq \
        pkg-config \
        libpq-dev \
        xz-utils \
    && apt-get clean
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
USER 10001:10001
CMD node dist/main.js
