# Generated corpus file 825: a service image

ARG BASE_IMAGE=redhat/ubi9-minimal:9.4
FROM ruby:3.3-slim
LABEL org.opencontainers.image.title="service-825" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        openssl \
        tzdata \
        jq \
        unzip \
    && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install gunicorn==4.8.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD node dist/main.js
