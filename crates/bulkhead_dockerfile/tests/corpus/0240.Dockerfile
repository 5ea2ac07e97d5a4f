# Generated corpus file 240: a service image

ARG VERSION=3.3.0
FROM maven:3.9-eclipse-temurin-21 AS compile
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM rust:1.82-slim AS final
LABEL org.opencontainers.image.title="service-240" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        ca-certificates \
        openssl \
        pkg-config=9.* \
        libpq-dev=6.* \
        gnupg \

        unzip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 5000
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
