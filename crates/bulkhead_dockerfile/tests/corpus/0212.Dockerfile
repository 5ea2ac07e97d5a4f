# Generated corpus file 212: a service image

FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-212" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        pkg-config=6.* \
        curl=2.* \
        jq=8.* \

        libssl-dev=8.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
CMD ["/app/server", "--port", "8080"]
