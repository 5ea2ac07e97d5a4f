# syntax=docker/dockerfile:1.7
# Generated corpus file 422: a service image

FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-422" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add --no-cache bash
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==3.5.0
WORKDIR /srv
EXPOSE ${PORT}
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
