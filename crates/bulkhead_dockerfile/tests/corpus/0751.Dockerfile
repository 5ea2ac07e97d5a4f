# Generated corpus file 751: a service image

FROM maven:3.9-eclipse-temurin-21 AS deps
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-751" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD node dist/main.js
