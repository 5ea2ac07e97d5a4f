# syntax=docker/dockerfile:1
# Generated corpus file 271: a service image

FROM opensuse/leap:15.6
LABEL org.opencontainers.image.title="service-271" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN zypper -n install curl=8.6.0 && zypper clean --all
WORKDIR /usr/src/app
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
