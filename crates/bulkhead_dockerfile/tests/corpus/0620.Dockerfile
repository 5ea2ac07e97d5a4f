# syntax=docker/dockerfile:1
# Generated corpus file 620: a service image

FROM opensuse/leap:15.6 AS final
LABEL org.opencontainers.image.title="service-620" maintainer="team-4@example.com"
RUN zypper -n install curl=8.6.0 && zypper clean --all
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /opt/app
EXPOSE 80
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
