# Generated corpus file 60: a service image

ARG BASE_IMAGE=golang:1.23
FROM ruby:3.3-slim
LABEL org.opencontainers.image.title="service-60" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -qq \
        gnupg \
        locales \
        git=4.* \
        xz-utils=9.* \
        jq \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD node dist/main.js
