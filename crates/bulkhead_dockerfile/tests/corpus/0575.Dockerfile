# Generated corpus file 575: a service image

ARG VERSION=1.6.0
FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM rust:1.82-slim
LABEL org.opencontainers.image.title="service-575" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
        ca-certificates \
        gnupg=1.* \
        unzip=3.* \
        locales \
        curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --from=builder --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
