# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 929: a service image

ARG BASE_IMAGE=debian:12-slim
ARG VERSION=1.18.6
FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-929" maintainer="team-5@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        openssl=5.* \
        libssl-dev \
        xz-utils \
        libpq-dev=6.* \
        unzip=5.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD ["/app/server", "--port", "8080"]
