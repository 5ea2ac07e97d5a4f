# syntax=docker/dockerfile:1
# Generated corpus file 291: a service image

ARG BASE_IMAGE=debian:bookworm
ARG VERSION=3.1.1
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM golang:1.22-alpine
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-291" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add git ca-certificates
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
COPY --from=build --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER nobody
CMD ["/app/server", "--port", "8080"]
