# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 491: a service image

FROM opensuse/leap:15.6
LABEL org.opencontainers.image.title="service-491" maintainer="team-1@example.com"
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
VOLUME ["/data"]
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
