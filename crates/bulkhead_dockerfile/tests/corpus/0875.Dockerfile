# Generated corpus file 875: a service image

FROM maven:3.9-eclipse-temurin-21
LABEL org.opencontainers.image.title="service-875" maintainer="team-0@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        openssl \
        tzdata \
        jq \
        unzip \
        ca-certificates \

        pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
