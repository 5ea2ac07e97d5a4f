# syntax=docker/dockerfile:1.7
# Generated corpus file 576: a service image

FROM maven:3.9-eclipse-temurin-21 AS deps
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM fedora:40 AS final
LABEL org.opencontainers.image.title="service-576" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN dnf install -y tar gzip make && dnf clean all
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 5000
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
