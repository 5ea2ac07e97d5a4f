# syntax=docker/dockerfile:1
# Generated corpus file 954: a service image

ARG BASE_IMAGE=debian:12-slim
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-954" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        ca-certificates \
        build-essential \
        xz-utils \
        unzip \
        jq \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001:10001
CMD ["python", "-m", "app"]
