# syntax=docker/dockerfile:1
# Generated corpus file 293: a service image

FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-293" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add openssl bash git ca-certificates
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 80
STOPSIGNAL SIGTERM
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
