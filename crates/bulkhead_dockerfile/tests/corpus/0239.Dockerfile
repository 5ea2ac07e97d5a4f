# syntax=docker/dockerfile:1
# Generated corpus file 239: a service image

ARG BASE_IMAGE=rust:1.82-slim
ARG VERSION=0.8.8
FROM nginx:1.27-alpine
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-239" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add --no-cache openssl git ca-certificates
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
EXPOSE ${PORT}
CMD exec gunicorn -b 0.0.0.0:8000 app:app
