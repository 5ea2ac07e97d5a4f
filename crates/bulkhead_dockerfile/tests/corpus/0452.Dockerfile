# syntax=docker/dockerfile:1
# Generated corpus file 452: a service image

ARG BASE_IMAGE=rockylinux:9
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-452" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        git \
        gnupg \
        jq \

        curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD node dist/main.js
