# syntax=docker/dockerfile:1
# Generated corpus file 250: a service image

ARG BASE_IMAGE=python:3.11-alpine
ARG VERSION=1.20.5
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM maven:3.9-eclipse-temurin-21 AS compile1
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-250" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        build-essential=7.* \
        xz-utils=5.* \
        pkg-config \
        jq \
        libpq-dev \
        ca-certificates=4.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /srv
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --from=compile1 --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 443 8443
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
