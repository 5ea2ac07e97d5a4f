# syntax=docker/dockerfile:1.7
# Generated corpus file 790: a service image

FROM ghcr.io/example/base:1.4.2 AS final
LABEL org.opencontainers.image.title="service-790" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        xz-utils \
        build-essential \
        ca-certificates \
        unzip=5.* \
        gnupg=7.* \
        jq \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
