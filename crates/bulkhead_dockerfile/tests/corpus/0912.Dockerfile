# Generated corpus file 912: a service image

FROM maven:3.9-eclipse-temurin-21 AS assets
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM golang:1.22-alpine AS final
LABEL org.opencontainers.image.title="service-912" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apk add curl su-exec ca-certificates
WORKDIR /opt/app
COPY --from=assets --chown=10001:10001 /out/ ./
EXPOSE 5000
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
CMD node dist/main.js
