# Generated corpus file 270: a service image

ARG VERSION=2.3.0
FROM ubuntu:22.04 AS final
LABEL org.opencontainers.image.title="service-270" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        locales \
        ca-certificates \
        xz-utils \
        curl \
        libpq-dev \
        unzip \
        jq \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
