# Generated corpus file 379: a service image

ARG BASE_IMAGE=alpine:3.19
FROM node:22-alpine AS test
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-379" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -qq \
        pkg-config \
        gnupg \
        build-essential \
        xz-utils \
        git \
        unzip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
USER 10001
CMD ["python", "-m", "app"]
