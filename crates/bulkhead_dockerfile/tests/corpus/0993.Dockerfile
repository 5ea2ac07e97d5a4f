# syntax=docker/dockerfile:1.7
# Generated corpus file 993: a service image

FROM opensuse/leap:15.6 AS final
LABEL org.opencontainers.image.title="service-993" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /opt/app
VOLUME ["/data"]
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
