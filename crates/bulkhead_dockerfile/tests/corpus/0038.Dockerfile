# syntax=docker/dockerfile:1
# Generated corpus file 38: a service image

FROM maven:3.9-eclipse-temurin-21 AS assets
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ubuntu:22.04 AS final
LABEL org.opencontainers.image.title="service-38" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        git \
        ca-certificates \
        build-essential \
        locales \
        libpq-dev \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /usr/src/app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
