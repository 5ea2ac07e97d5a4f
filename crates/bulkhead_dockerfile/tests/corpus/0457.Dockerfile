# syntax=docker/dockerfile:1.7
# Generated corpus file 457: a service image

FROM rust:1.82-slim AS final
LABEL org.opencontainers.image.title="service-457" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        curl \
        tzdata \
        locales \
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
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
