# syntax=docker/dockerfile:1.7
# Generated corpus file 639: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-639" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        tzdata \
        ca-certificates \
        build-essential \
        libpq-dev \
        gnupg \

        openssl \
    && apt-get clean
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /app
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
