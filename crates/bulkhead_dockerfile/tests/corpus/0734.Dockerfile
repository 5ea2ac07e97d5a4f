# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 734: a service image

FROM maven:3.9-eclipse-temurin-21 AS test
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="service-734" maintainer="team-6@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        xz-utils \
        unzip \
        curl \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
