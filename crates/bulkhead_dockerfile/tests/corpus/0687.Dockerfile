# Generated corpus file 687: a service image

ARG BASE_IMAGE=ubuntu:22.04
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-687" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        openssl \
        git \
        pkg-config=3.* \
        gnupg \
        curl=4.* \
        libpq-dev=1.* \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE 5000
CMD ["/app/server", "--port", "8080"]
