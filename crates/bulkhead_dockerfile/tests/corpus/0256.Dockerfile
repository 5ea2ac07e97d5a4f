# Generated corpus file 256: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM ruby:3.3-slim AS final
LABEL org.opencontainers.image.title="service-256" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        build-essential \
        openssl \
        libssl-dev \
        git \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
