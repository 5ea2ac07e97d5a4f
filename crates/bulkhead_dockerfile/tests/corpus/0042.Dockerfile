# syntax=docker/dockerfile:1.7
# Generated corpus file 42: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-42" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq-dev \
        build-essential \
        jq \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE 443 8443
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
