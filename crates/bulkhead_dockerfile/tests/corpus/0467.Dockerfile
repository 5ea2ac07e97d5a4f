# syntax=docker/dockerfile:1
# Generated corpus file 467: a service image

ARG BASE_IMAGE=alpine:3.19
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-467" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        jq=7.* \
        xz-utils \
        pkg-config=7.* \
        libssl-dev=9.* \
        curl=6.* \

        unzip=3.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 5000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
