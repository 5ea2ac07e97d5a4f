# syntax=docker/dockerfile:1
# Generated corpus file 198: a service image

ARG BASE_IMAGE=node:20-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-198" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        locales \
        libssl-dev \
        pkg-config \

        libpq-dev \
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
WORKDIR /usr/src/app
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
CMD ["/app/server", "--port", "8080"]
