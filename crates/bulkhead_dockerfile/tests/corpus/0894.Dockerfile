# Generated corpus file 894: a service image

ARG VERSION=1.19.7
FROM node:22-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM debian:bookworm AS final
LABEL org.opencontainers.image.title="service-894" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates=2.* \
        unzip=7.* \
        jq \
        xz-utils \
        openssl \

        curl=5.* \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
USER app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
