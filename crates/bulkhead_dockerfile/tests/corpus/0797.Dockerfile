# syntax=docker/dockerfile:1
# Generated corpus file 797: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-797" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq-dev \
        build-essential \
        tzdata \
    && apt-get clean
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /opt/app
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
