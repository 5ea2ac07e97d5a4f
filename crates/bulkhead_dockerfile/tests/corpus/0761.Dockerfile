# syntax=docker/dockerfile:1
# Generated corpus file 761: a service image

ARG BASE_IMAGE=golang:1.23
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-761" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        libssl-dev \
        gnupg \
        xz-utils \
    && apt-get clean
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
HEALTHCHECK NONE
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
