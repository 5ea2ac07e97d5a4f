# syntax=docker/dockerfile:1.7
# Generated corpus file 695: a service image

ARG BASE_IMAGE=node:20-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-695" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        xz-utils \
        curl \
        build-essential \
    && apt-get clean
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /opt/app
EXPOSE ${PORT}
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
USER nobody
CMD ["/app/server", "--port", "8080"]
