# syntax=docker/dockerfile:1.7
# Generated corpus file 905: a service image

FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM registry.example.com:5000/team/app-base:2024.10 AS final
LABEL org.opencontainers.image.title="service-905" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install -y \
        gnupg \
        pkg-config \
        tzdata \
        jq \
        unzip \
        locales \
        openssl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --from=deps --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 5000
STOPSIGNAL SIGTERM
USER 10001
CMD ["python", "-m", "app"]
