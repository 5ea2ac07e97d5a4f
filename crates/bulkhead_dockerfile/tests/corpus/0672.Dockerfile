# Generated corpus file 672: a service image

FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM nginx:1.27-alpine
LABEL org.opencontainers.image.title="service-672" maintainer="team-0@example.com"
RUN apk add --no-cache ca-certificates
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
COPY --from=builder --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
