# Generated corpus file 701: a service image

ARG BASE_IMAGE=fedora:40
FROM rust:1.82-slim AS final
LABEL org.opencontainers.image.title="service-701" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -y \
        unzip \
        build-essential \
        libssl-dev \
        pkg-config \
        xz-utils \
        ca-certificates \
    && apt-get clean
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
