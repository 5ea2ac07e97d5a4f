# Generated corpus file 856: a service image

ARG BASE_IMAGE=golang:1.23
FROM python:3.12-slim AS final
LABEL org.opencontainers.image.title="service-856" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        gnupg \
        curl=3.* \
        openssl=1.* \
        jq=4.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
STOPSIGNAL SIGTERM
USER 10001:10001
CMD node dist/main.js
