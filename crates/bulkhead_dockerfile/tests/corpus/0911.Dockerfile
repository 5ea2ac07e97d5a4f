# syntax=docker/dockerfile:1
# Generated corpus file 911: a service image

ARG VERSION=3.11.2
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM debian:bookworm
LABEL org.opencontainers.image.title="service-911" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -y \
        libpq-dev \
        tzdata=2.* \
        curl \
        locales=5.* \
        gnupg \

        pkg-config \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==4.0.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD ["python", "-m", "app"]
