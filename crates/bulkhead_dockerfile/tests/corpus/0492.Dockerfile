# syntax=docker/dockerfile:1
# Generated corpus file 492: a service image

FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS test
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM redhat/ubi9-minimal:9.4
LABEL org.opencontainers.image.title="service-492" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN microdnf install -y shadow-utils httpd make && microdnf clean all
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE ${PORT}
CMD node dist/main.js
