# Generated corpus file 151: a service image

ARG VERSION=1.4.1
FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ubuntu:22.04
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-151" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libssl-dev \
        xz-utils \
        libpq-dev \
        gnupg \
        locales=8.* \
        unzip=7.* \
        build-essential=6.* \
    && apt-get clean
WORKDIR /app
COPY --from=builder --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD node dist/main.js
