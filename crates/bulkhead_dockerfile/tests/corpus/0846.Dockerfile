# syntax=docker/dockerfile:1.7
# Generated corpus file 846: a service image

FROM node:22-alpine AS test
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM debian:bookworm
LABEL org.opencontainers.image.title="service-846" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libssl-dev=9.* \
        build-essential=7.* \
        gnupg \
        xz-utils=3.* \
        locales=2.* \

        jq=8.* \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 80
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
