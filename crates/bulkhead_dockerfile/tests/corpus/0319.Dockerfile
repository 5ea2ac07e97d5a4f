# Generated corpus file 319: a service image

ARG BASE_IMAGE=debian:12-slim
ARG VERSION=3.14.1
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS build
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
LABEL org.opencontainers.image.title="service-319" maintainer="team-4@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        gnupg \
        jq \
        tzdata \
        libssl-dev \
        libpq-dev \
        openssl \

        curl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
