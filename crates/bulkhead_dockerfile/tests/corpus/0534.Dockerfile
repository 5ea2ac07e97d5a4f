# syntax=docker/dockerfile:1
# Generated corpus file 534: a service image

ARG BASE_IMAGE=ubuntu:22.04
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
LABEL org.opencontainers.image.title="service-534" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        gnupg=5.* \
        tzdata=9.* \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
