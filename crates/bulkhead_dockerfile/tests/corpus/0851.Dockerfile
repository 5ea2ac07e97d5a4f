# syntax=docker/dockerfile:1
# Generated corpus file 851: a service image

ARG BASE_IMAGE=golang:1.23
FROM alpine:3.20
LABEL org.opencontainers.image.title="service-851" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apk add --no-cache libstdc++ git curl su-exec
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==5.1.0
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 9000-9005/udp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
