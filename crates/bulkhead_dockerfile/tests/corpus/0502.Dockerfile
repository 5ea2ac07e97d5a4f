# syntax=docker/dockerfile:1
# Generated corpus file 502: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM python:3.12-slim AS test
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS test1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-502" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        openssl=5.* \
        pkg-config=7.* \
        build-essential=5.* \
        curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --from=test1 --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD ["/app/server", "--port", "8080"]
