# syntax=docker/dockerfile:1
# Generated corpus file 766: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
ARG VERSION=1.1.1
FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-766" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        git \
        openssl \

        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
