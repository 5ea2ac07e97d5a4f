# syntax=docker/dockerfile:1.7
# Generated corpus file 560: a service image

ARG BASE_IMAGE=debian:12-slim
ARG VERSION=0.20.6
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-560" maintainer="team-0@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        pkg-config \
        unzip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
USER 10001
CMD ["python", "-m", "app"]
