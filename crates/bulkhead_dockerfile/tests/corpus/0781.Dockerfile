# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 781: a service image

FROM maven:3.9-eclipse-temurin-21 AS assets
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM node:20-alpine AS final
LABEL org.opencontainers.image.title="service-781" maintainer="team-4@example.com"
RUN apk add git
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /usr/src/app
COPY --from=assets --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
