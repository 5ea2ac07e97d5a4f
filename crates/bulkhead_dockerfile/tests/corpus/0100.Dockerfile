# Generated corpus file 100: a service image

ARG VERSION=1.12.2
FROM debian:bookworm AS final
LABEL org.opencontainers.image.title="service-100" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install -qq \
        pkg-config \
        unzip \
        curl \
        git \
        ca-certificates \
        xz-utils \
        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /srv
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
