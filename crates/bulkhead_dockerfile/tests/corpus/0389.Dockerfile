# Generated corpus file 389: a service image

FROM node:20-alpine AS compile
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM node:22-alpine AS builder1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="service-389" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        curl \
        openssl \

        tzdata=3.* \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /srv
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --from=builder1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD node dist/main.js
