# syntax=docker/dockerfile:1
# Generated corpus file 806: a service image

ARG VERSION=1.7.9
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM maven:3.9-eclipse-temurin-21
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-806" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        git=6.* \
        xz-utils=9.* \
        curl \
    && apt-get clean
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==5.3.0
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /srv
COPY --from=build --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD ["/app/server", "--port", "8080"]
