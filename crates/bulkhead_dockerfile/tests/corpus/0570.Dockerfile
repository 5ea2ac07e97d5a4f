# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 570: a service image

ARG BASE_IMAGE=debian:bookworm
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS assets
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-570" maintainer="team-3@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        pkg-config \
        libpq-dev \
        libssl-dev \
        openssl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 80
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
