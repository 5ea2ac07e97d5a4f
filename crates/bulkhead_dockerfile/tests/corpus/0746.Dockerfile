# syntax=docker/dockerfile:1
# Generated corpus file 746: a service image

FROM maven:3.9-eclipse-temurin-21 AS assets
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ubuntu
LABEL org.opencontainers.image.title="service-746" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        build-essential \
        curl \
        pkg-config \
        libssl-dev \
        gnupg \
        jq \
    && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
