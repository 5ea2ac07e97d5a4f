# Generated corpus file 179: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-179" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        curl \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
