# syntax=docker/dockerfile:1.7
# Generated corpus file 311: a service image

ARG BASE_IMAGE=rockylinux:9
FROM maven:3.9-eclipse-temurin-21 AS deps
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM rockylinux:9
LABEL org.opencontainers.image.title="service-311" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN dnf install -y httpd gzip gcc && dnf clean all
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install django==3.4.0
WORKDIR /usr/src/app
COPY --from=deps --chown=10001:10001 /out/ ./
EXPOSE 443 8443
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
