# syntax=docker/dockerfile:1
# Generated corpus file 162: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-162" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates \
        xz-utils \
        pkg-config \
        curl \

        libpq-dev \
    && apt-get clean
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
