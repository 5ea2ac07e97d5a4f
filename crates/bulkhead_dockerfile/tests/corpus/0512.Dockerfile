# syntax=docker/dockerfile:1.7
# Generated corpus file 512: a service image

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ruby:3.3-slim AS final
LABEL org.opencontainers.image.title="service-512" maintainer="team-1@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        ca-certificates \
        pkg-config \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
