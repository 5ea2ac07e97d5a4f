# syntax=docker/dockerfile:1.7
# Generated corpus file 821: a service image

ARG BASE_IMAGE=nginx:1.27-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-821" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        unzip \
        gnupg \
        libssl-dev \
        pkg-config \
        tzdata \
        jq \

        libpq-dev=8.* \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
