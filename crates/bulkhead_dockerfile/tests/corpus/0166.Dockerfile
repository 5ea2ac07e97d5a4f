# syntax=docker/dockerfile:1.7
# Generated corpus file 166: a service image

ARG BASE_IMAGE=debian:bookworm
ARG VERSION=1.5.3
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-166" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        tzdata \
        xz-utils \
        curl \
        pkg-config \
    && apt-get clean
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
WORKDIR /srv
EXPOSE 80
HEALTHCHECK NONE
USER 10001
CMD ["/app/server", "--port", "8080"]
