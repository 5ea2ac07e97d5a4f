# Generated corpus file 409: a service image

ARG BASE_IMAGE=alpine:3.19
ARG VERSION=2.7.4
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ubuntu AS final
LABEL org.opencontainers.image.title="service-409" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        openssl=3.* \
        jq=6.* \
        unzip=3.* \
        git=1.* \
        libssl-dev=5.* \
        tzdata=8.* \
        xz-utils=3.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD node dist/main.js
