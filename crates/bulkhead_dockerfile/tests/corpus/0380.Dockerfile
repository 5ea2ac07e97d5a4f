# syntax=docker/dockerfile:1.7
# Generated corpus file 380: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM node:22-alpine AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM alpine:3.19
LABEL org.opencontainers.image.title="service-380" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add openssl libstdc++
WORKDIR /usr/src/app
COPY --from=builder --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001:10001
CMD node dist/main.js
