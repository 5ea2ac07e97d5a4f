# Generated corpus file 47: a service image

FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ubuntu:24.04 AS final
LABEL org.opencontainers.image.title="service-47" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tzdata \
        openssl=1.* \
        curl=9.* \
        ca-certificates \
        locales=5.* \
        xz-utils \
        build-essential \
    && apt-get clean
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /usr/src/app
COPY --from=compile --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
