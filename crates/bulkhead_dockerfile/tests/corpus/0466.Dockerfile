# syntax=docker/dockerfile:1.7
# Generated corpus file 466: a service image

ARG BASE_IMAGE=rockylinux:9
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-466" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq-dev \
        build-essential \
        jq \
        locales=5.* \

        git=6.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD ["python", "-m", "app"]
