# Generated corpus file 636: a service image

ARG BASE_IMAGE=rockylinux:9
ARG VERSION=3.12.5
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-636" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        pkg-config=7.* \
        tzdata \
        unzip=1.* \
        locales \
        curl \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
