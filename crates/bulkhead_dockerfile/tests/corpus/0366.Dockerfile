# syntax=docker/dockerfile:1
# Generated corpus file 366: a service image

ARG BASE_IMAGE=nginx:1.27-alpine
FROM python:3.12-slim AS compile
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-366" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        gnupg \
        git \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /usr/src/app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
