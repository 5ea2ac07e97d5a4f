# syntax=docker/dockerfile:1
# Generated corpus file 776: a service image

ARG BASE_IMAGE=node:20-alpine
ARG VERSION=3.6.1
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM node:20-alpine AS deps1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-776" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        unzip=4.* \
        libssl-dev=6.* \
        ca-certificates=8.* \
        gnupg \
        git=3.* \
    && apt-get clean
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --from=deps1 --chown=10001:10001 /out/ ./
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
