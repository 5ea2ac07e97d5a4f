# Generated corpus file 780: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-780" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        tzdata \
        pkg-config \
        xz-utils \
        openssl \
        libssl-dev \
        unzip \
    && apt-get clean
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD ["/app/server", "--port", "8080"]
