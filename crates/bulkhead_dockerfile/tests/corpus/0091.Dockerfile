# Generated corpus file 91: a service image

FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM rust:1.82-slim AS final
LABEL org.opencontainers.image.title="service-91" maintainer="team-0@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        curl \
        unzip \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE 443 8443
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD ["python", "-m", "app"]
