# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 253: a service image

ARG BASE_IMAGE=redhat/ubi9-minimal:9.4
FROM node:22-alpine AS compile
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-253" maintainer="team-1@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        xz-utils \
        git \
        libssl-dev \
        gnupg \
        locales \
        curl \
        unzip \
    && apt-get clean
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install flask==4.4.0
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /app
COPY --from=compile --chown=10001:10001 /out/ ./
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
