# syntax=docker/dockerfile:1
# Generated corpus file 880: a service image

ARG BASE_IMAGE=opensuse/leap:15.6
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-880" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        jq \
        libssl-dev \
        libpq-dev \
        locales \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
ADD rootfs.tar.xz /
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
