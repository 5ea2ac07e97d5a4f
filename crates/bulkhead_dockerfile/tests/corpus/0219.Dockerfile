# Generated corpus file 219: a service image

ARG BASE_IMAGE=node:20-alpine
FROM maven:3.9-eclipse-temurin-21 AS compile
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ubuntu:22.04
LABEL org.opencontainers.image.title="service-219" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        libpq-dev \
        openssl \
        pkg-config \
        ca-certificates \
        xz-utils \
        locales \
        unzip \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
