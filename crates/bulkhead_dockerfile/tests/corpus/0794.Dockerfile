# Generated corpus file 794: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
ARG VERSION=3.17.5
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-794" maintainer="team-3@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        openssl \
        git \
        jq \
        locales \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
