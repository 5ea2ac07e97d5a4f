# syntax=docker/dockerfile:1
# Generated corpus file 546: a service image

ARG VERSION=3.5.6
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM python:3.11-slim AS deps1
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM golang:1.23 AS final
LABEL org.opencontainers.image.title="service-546" maintainer="team-0@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        curl \
        tzdata \
        libssl-dev=2.* \
        pkg-config=8.* \
        unzip=5.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --from=deps1 --chown=10001:10001 /out/ ./
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD node dist/main.js
