# syntax=docker/dockerfile:1.7
# Generated corpus file 501: a service image

FROM rockylinux:9
LABEL org.opencontainers.image.title="service-501" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN dnf install -y make gcc shadow-utils && dnf clean all
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /srv
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
