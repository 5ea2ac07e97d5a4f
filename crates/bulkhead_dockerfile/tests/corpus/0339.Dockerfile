# Generated corpus file 339: a service image

ARG BASE_IMAGE=debian:bookworm
ARG VERSION=0.20.1
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-339" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        xz-utils \
        build-essential \
    && apt-get clean
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --from=deps1 --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
