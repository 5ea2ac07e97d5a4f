# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 609: a service image

ARG BASE_IMAGE=python:3.11-alpine
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM python:3.11-slim AS build1
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-609" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
        pkg-config \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==2.2.0
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --from=build1 --chown=10001:10001 /out/ ./
EXPOSE 443 8443
USER 10001:10001
CMD node dist/main.js
