# syntax=docker/dockerfile:1.7
# Generated corpus file 490: a service image

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="service-490" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        curl \
        xz-utils \
        git \
        ca-certificates \

        gnupg \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /opt/app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
