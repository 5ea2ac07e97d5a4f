# syntax=docker/dockerfile:1
# Generated corpus file 496: a service image

FROM debian:12-slim AS final
LABEL org.opencontainers.image.title="service-496" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates \
        git=7.* \
        libssl-dev \
        build-essential \
        xz-utils=9.* \
        unzip=6.* \
        jq=9.* \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==1.0.0
WORKDIR /app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001:10001
CMD ["python", "-m", "app"]
