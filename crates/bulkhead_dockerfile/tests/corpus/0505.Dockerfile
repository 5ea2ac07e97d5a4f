# Generated corpus file 505: a service image

ARG BASE_IMAGE=rust:1.82-slim
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-505" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        pkg-config \

        gnupg \
    && apt-get clean
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
