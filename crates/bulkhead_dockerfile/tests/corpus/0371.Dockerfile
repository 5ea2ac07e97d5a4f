# Generated corpus file 371: a service image

ARG BASE_IMAGE=golang:1.22-alpine
FROM fedora:40
LABEL org.opencontainers.image.title="service-371" maintainer="team-0@example.com"
RUN microdnf install -y shadow-utils tar httpd && microdnf clean all
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
