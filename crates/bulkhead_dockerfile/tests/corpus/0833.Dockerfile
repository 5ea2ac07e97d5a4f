# Generated corpus file 833: a service image

ARG BASE_IMAGE=rockylinux:9
ARG VERSION=3.17.5
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-833" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        libssl-dev \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD node dist/main.js
