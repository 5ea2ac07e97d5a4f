# syntax=docker/dockerfile:1
# Generated corpus file 909: a service image

ARG VERSION=0.8.1
FROM maven:3.9-eclipse-temurin-21 AS deps
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ubuntu:22.04 AS final
LABEL org.opencontainers.image.title="service-909" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        libssl-dev \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=deps --chown=10001:10001 /out/ ./
EXPOSE 443 8443
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
