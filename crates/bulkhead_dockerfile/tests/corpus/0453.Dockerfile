# syntax=docker/dockerfile:1
# Generated corpus file 453: a service image

ARG BASE_IMAGE=fedora:40
FROM python:3.11-slim AS deps
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM rust:1.82-slim
LABEL org.opencontainers.image.title="service-453" maintainer="team-5@example.com"
RUN apt-get update \
    && apt-get install -qq \
        tzdata \
        unzip=4.* \
        curl=5.* \
        xz-utils=6.* \
        git \
        gnupg \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==2.3.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
EXPOSE 80
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
