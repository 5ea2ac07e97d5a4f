# syntax=docker/dockerfile:1
# Generated corpus file 536: a service image

ARG BASE_IMAGE=debian:12-slim
ARG VERSION=3.20.3
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM golang:1.22-alpine
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-536" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache tini libstdc++ curl openssl
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
