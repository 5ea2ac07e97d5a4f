# syntax=docker/dockerfile:1.7
# Generated corpus file 197: a service image

ARG BASE_IMAGE=node:20-alpine
ARG VERSION=0.2.1
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-197" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        pkg-config \
        git=2.* \
        unzip=7.* \
        gnupg=3.* \
        openssl=7.* \
        libssl-dev=1.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
EXPOSE ${PORT}
USER 10001:10001
CMD node dist/main.js
