# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 943: a service image

ARG BASE_IMAGE=python:3.11-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-943" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        pkg-config \
        openssl \
        curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
