# syntax=docker/dockerfile:1
# Generated corpus file 361: a service image

ARG BASE_IMAGE=ubuntu:22.04
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-361" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        pkg-config \
        openssl \
        build-essential \
        libssl-dev \
        git \
    && apt-get clean
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /usr/src/app
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001:10001
CMD ["python", "-m", "app"]
