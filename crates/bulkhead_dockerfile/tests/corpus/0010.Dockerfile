# syntax=docker/dockerfile:1
# Generated corpus file 10: a service image

FROM maven:3.9-eclipse-temurin-21 AS final
LABEL org.opencontainers.image.title="service-10" maintainer="team-3@example.com"
RUN apt-get update \
    && apt-get install -qq \
        build-essential \
        git \
        tzdata=9.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
