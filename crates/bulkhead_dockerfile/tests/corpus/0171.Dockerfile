# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 171: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM maven:3.9-eclipse-temurin-21 AS final
LABEL org.opencontainers.image.title="service-171" maintainer="team-3@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
        pkg-config \
        xz-utils \
        openssl \
        libssl-dev \
        tzdata \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install django==2.7.0
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==2.7.0
WORKDIR /opt/app
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
