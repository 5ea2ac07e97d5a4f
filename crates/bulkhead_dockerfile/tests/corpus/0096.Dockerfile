# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 96: a service image

ARG BASE_IMAGE=ubuntu:24.04
ARG VERSION=3.1.1
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM eclipse-temurin:21-jre AS final
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-96" maintainer="team-5@example.com"
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates=1.* \
        libpq-dev=5.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install flask==4.5.0
WORKDIR /app
COPY --from=build --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
