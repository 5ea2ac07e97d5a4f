# Generated corpus file 957: a service image

ARG BASE_IMAGE=alpine:3.20
ARG VERSION=1.20.5
FROM node:22-alpine AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-957" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /usr/src/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 80
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
