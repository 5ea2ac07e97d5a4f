# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 481: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM node:20-alpine AS final
LABEL org.opencontainers.image.title="service-481" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache su-exec bash ca-certificates openssl
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==1.2.0
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
