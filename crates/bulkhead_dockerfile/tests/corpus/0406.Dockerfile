# Generated corpus file 406: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM python:3.10-slim AS test
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM nginx:1.27-alpine
LABEL org.opencontainers.image.title="service-406" maintainer="team-0@example.com"
RUN apk add su-exec bash openssl git libstdc++
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /opt/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER nobody
CMD ["/app/server", "--port", "8080"]
