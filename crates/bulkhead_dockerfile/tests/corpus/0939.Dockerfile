# syntax=docker/dockerfile:1.7
# Generated corpus file 939: a service image

ARG BASE_IMAGE=debian:12-slim
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM maven:3.9-eclipse-temurin-21 AS test1
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="service-939" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -y \
        build-essential \
        tzdata \
        libssl-dev \

        locales \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /srv
COPY --from=build --chown=10001:10001 /out/ ./
COPY --from=test1 --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
