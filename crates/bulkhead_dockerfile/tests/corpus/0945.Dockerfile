# syntax=docker/dockerfile:1
# Generated corpus file 945: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-945" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        openssl \
        jq \
        libpq-dev \
        git \
        pkg-config \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
