# syntax=docker/dockerfile:1.7
# Generated corpus file 451: a service image

FROM node:22-bookworm-slim
LABEL org.opencontainers.image.title="service-451" maintainer="team-3@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        unzip \
        openssl \
        libssl-dev \
    && apt-get clean
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /srv
VOLUME ["/data"]
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
