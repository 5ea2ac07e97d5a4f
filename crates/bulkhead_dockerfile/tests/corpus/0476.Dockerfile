# syntax=docker/dockerfile:1
# Generated corpus file 476: a service image

ARG BASE_IMAGE=golang:1.22-alpine
FROM python:3.11-slim AS deps
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM rust:1.78-slim AS compile1
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-476" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        curl \
        tzdata \

        unzip=2.* \
    && apt-get clean
WORKDIR /app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --from=compile1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
