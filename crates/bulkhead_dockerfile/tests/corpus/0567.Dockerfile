# Generated corpus file 567: a service image

ARG BASE_IMAGE=redhat/ubi9-minimal:9.4
ARG VERSION=3.12.9
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-567" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        tzdata \
        build-essential \
        gnupg \
        xz-utils \
        unzip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
VOLUME ["/data"]
EXPOSE 8080/tcp
USER app
CMD node dist/main.js
