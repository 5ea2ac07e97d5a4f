# Generated corpus file 229: a service image

ARG BASE_IMAGE=nginx:1.27-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-229" maintainer="team-5@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        openssl \
        ca-certificates \
        gnupg \
    && apt-get clean
WORKDIR /usr/src/app
VOLUME ["/data"]
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
CMD ["/app/server", "--port", "8080"]
