# syntax=docker/dockerfile:1
# Generated corpus file 165: a service image

FROM rockylinux:9
LABEL org.opencontainers.image.title="service-165" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN microdnf install -y httpd tar gcc && microdnf clean all
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /srv
EXPOSE 9000-9005/udp
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
CMD node dist/main.js
