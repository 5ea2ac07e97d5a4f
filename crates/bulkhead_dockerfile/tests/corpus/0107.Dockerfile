# syntax=docker/dockerfile:1
# Generated corpus file 107: a service image

FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-107" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        libpq-dev \
        openssl \
        tzdata \
        locales \
        curl \
        unzip \
        git \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
