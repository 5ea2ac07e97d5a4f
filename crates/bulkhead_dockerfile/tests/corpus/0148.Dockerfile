# Generated corpus file 148: a service image

ARG BASE_IMAGE=nginx:1.27-alpine
ARG VERSION=2.19.4
FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-148" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add git libstdc++ curl openssl
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /srv
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
