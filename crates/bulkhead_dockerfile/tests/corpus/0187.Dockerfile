# syntax=docker/dockerfile:1.7
# Generated corpus file 187: a service image

FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="service-187" maintainer="team-5@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        tzdata \
        jq \
    && apt-get clean
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 5000
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
