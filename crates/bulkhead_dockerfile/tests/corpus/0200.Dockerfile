# Generated corpus file 200: a service image

FROM python:3.12-slim AS test
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM debian:12-slim@sha256:abababababababababababababababababababababababababababababababab AS final
LABEL org.opencontainers.image.title="service-200" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        unzip=4.* \
        libpq-dev \
        xz-utils=9.* \

        locales \
    && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD ["/app/server", "--port", "8080"]
