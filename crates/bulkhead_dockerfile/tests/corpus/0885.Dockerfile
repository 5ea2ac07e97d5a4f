# Generated corpus file 885: a service image

ARG BASE_IMAGE=debian:12-slim
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS test
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-885" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        tzdata \
        git \
        unzip \
        curl \
        libpq-dev \
        openssl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 5000
HEALTHCHECK NONE
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
