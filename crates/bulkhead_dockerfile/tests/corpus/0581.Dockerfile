# syntax=docker/dockerfile:1.7
# Generated corpus file 581: a service image

ARG VERSION=3.4.4
FROM fedora:40
LABEL org.opencontainers.image.title="service-581" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN dnf install -y make tar gcc && dnf clean all
WORKDIR /app
EXPOSE 443 8443
STOPSIGNAL SIGTERM
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
