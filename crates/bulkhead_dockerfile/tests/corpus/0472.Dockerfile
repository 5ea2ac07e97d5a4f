# syntax=docker/dockerfile:1
# Generated corpus file 472: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-472" maintainer="team-3@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        xz-utils \
        openssl=8.* \
        gnupg \
        libpq-dev=8.* \
        ca-certificates=9.* \
        libssl-dev \
        pkg-config \
    && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
