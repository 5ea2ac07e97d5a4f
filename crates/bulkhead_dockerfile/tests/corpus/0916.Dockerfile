# Generated corpus file 916: a service image

ARG BASE_IMAGE=opensuse/leap:15.6
ARG VERSION=1.6.6
FROM node:22-alpine AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-916" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        ca-certificates \
        tzdata \
        libpq-dev \
        build-essential \
        unzip \
        openssl \

        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
