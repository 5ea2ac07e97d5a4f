# Generated corpus file 405: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
ARG VERSION=3.13.5
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS assets
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-405" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        xz-utils \
        pkg-config \
        build-essential \
        git \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=assets --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
