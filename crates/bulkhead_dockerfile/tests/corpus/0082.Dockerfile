# Generated corpus file 82: a service image

ARG BASE_IMAGE=debian:bookworm
FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-82" maintainer="team-5@example.com"
RUN apk add --no-cache ca-certificates libstdc++ git
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
