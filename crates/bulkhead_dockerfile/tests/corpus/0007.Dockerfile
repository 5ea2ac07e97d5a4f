# syntax=docker/dockerfile:1.7
# Generated corpus file 7: a service image

ARG VERSION=1.14.5
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS test
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM node:22-bookworm-slim AS final
LABEL org.opencontainers.image.title="service-7" maintainer="team-0@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        unzip \
        curl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=test --chown=10001:10001 /out/ ./
COPY --from=build1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
