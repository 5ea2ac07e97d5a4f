# syntax=docker/dockerfile:1.7
# Generated corpus file 783: a service image

ARG BASE_IMAGE=debian:12-slim
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-783" maintainer="team-6@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        xz-utils \
        curl \
        unzip \
        gnupg \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
