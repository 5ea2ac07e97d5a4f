# syntax=docker/dockerfile:1.7
# Generated corpus file 580: a service image

ARG BASE_IMAGE=alpine:3.19
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-580" maintainer="team-6@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        libssl-dev \
        curl=6.* \
        libpq-dev \
        openssl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
HEALTHCHECK NONE
USER 10001:10001
CMD ["python", "-m", "app"]
