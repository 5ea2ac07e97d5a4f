# syntax=docker/dockerfile:1
# Generated corpus file 41: a service image

FROM maven:3.9-eclipse-temurin-21 AS test
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-41" maintainer="team-6@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        openssl \
        git \
        ca-certificates \
        locales \
        build-essential \
        xz-utils \
        tzdata \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
USER nobody
CMD ["python", "-m", "app"]
