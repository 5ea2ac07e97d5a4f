# syntax=docker/dockerfile:1
# Generated corpus file 586: a service image

ARG BASE_IMAGE=maven:3.9-eclipse-temurin-21
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-586" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        libpq-dev \
        git \
    && apt-get clean
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==1.4.0
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
