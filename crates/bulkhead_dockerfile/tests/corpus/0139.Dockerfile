# syntax=docker/dockerfile:1.7
# Generated corpus file 139: a service image

ARG BASE_IMAGE=debian:12-slim
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-139" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        git \
        pkg-config \
        jq=1.* \
        openssl \
        libpq-dev=5.* \
        xz-utils=3.* \
        tzdata=9.* \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD ["python", "-m", "app"]
