# syntax=docker/dockerfile:1
# Generated corpus file 978: a service image

FROM ubuntu:22.04
LABEL org.opencontainers.image.title="service-978" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        libpq-dev \
        unzip \
        build-essential \
        ca-certificates \
        openssl \
        jq \
        pkg-config \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==4.5.0
WORKDIR /srv
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
