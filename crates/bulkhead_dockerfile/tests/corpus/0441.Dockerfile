# syntax=docker/dockerfile:1.7
# Generated corpus file 441: a service image

ARG BASE_IMAGE=python:3.12-slim
FROM python:3.12-slim
LABEL org.opencontainers.image.title="service-441" maintainer="team-0@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        libssl-dev=4.* \
        git=7.* \
        gnupg=3.* \
        unzip \
        pkg-config \
        tzdata=4.* \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
USER 10001
CMD ["/app/server", "--port", "8080"]
