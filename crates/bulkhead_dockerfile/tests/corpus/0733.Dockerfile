# syntax=docker/dockerfile:1.7
# Generated corpus file 733: a service image

FROM php:8.3-fpm AS final
LABEL org.opencontainers.image.title="service-733" maintainer="team-5@example.com"
RUN apt-get update \
    && apt-get install -qq \
        tzdata \
        locales=8.* \
        ca-certificates=1.* \
        git=7.* \
        unzip \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /srv
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
