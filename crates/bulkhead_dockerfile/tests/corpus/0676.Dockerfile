# syntax=docker/dockerfile:1
# Generated corpus file 676: a service image

FROM maven:3.9-eclipse-temurin-21 AS deps
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM python:3.10-slim AS build1
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM golang:1.23 AS final
LABEL org.opencontainers.image.title="service-676" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        gnupg \
        locales \
        libpq-dev \
        jq \
        curl \
        ca-certificates \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --from=build1 --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 80
HEALTHCHECK NONE
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
