# Generated corpus file 873: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-873" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        locales=2.* \
        curl \
        tzdata \
        gnupg=5.* \
        build-essential=8.* \
        xz-utils=9.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /usr/src/app
COPY --from=deps --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
