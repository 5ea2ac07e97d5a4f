# syntax=docker/dockerfile:1.7
# Generated corpus file 500: a service image

FROM eclipse-temurin:21-jre AS final
LABEL org.opencontainers.image.title="service-500" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        git=8.* \
        tzdata=5.* \
        unzip=1.* \
        libpq-dev=7.* \
        locales=9.* \
        openssl \

        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /usr/src/app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
