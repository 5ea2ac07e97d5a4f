# Generated corpus file 540: a service image

ARG VERSION=0.6.7
FROM node:22-bookworm-slim
LABEL org.opencontainers.image.title="service-540" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        pkg-config \
        curl \
        locales \
        ca-certificates \
        tzdata \
        build-essential \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
