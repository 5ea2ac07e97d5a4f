# Generated corpus file 836: a service image

FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-836" maintainer="team-3@example.com"
RUN apk add git
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==1.0.0
WORKDIR /usr/src/app
EXPOSE 8080/tcp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
CMD ["python", "-m", "app"]
