# Generated corpus file 525: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-525" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        build-essential \
        git \
        pkg-config \
        libpq-dev \
        unzip \
        tzdata \
        curl \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /opt/app
COPY --from=deps --chown=10001:10001 /out/ ./
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
