# syntax=docker/dockerfile:1
# Generated corpus file 26: a service image

FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM node:20-alpine AS final
LABEL org.opencontainers.image.title="service-26" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add bash libstdc++ openssl tini su-exec
WORKDIR /app
COPY --from=deps --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE ${PORT}
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
