# Generated corpus file 845: a service image

ARG VERSION=3.15.8
FROM node:22-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ghcr.io/example/base:1.4.2 AS final
LABEL org.opencontainers.image.title="service-845" maintainer="team-5@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        curl \
        openssl=6.* \
        jq \
        locales=5.* \
        unzip=7.* \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --from=build --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
CMD node dist/main.js
