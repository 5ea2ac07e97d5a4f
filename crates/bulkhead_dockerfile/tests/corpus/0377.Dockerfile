# Generated corpus file 377: a service image

ARG VERSION=2.6.3
FROM python:3.10-slim AS deps
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-377" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache git curl libstdc++
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
