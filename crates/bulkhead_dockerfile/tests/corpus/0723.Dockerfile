# syntax=docker/dockerfile:1
# Generated corpus file 723: a service image

FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS test
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ghcr.io/example/base:1.4.2 AS final
LABEL org.opencontainers.image.title="service-723" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        locales \
        libssl-dev \
    && apt-get clean
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
