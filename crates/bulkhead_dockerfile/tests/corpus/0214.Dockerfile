# Generated corpus file 214: a service image

FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-214" maintainer="team-4@example.com"
RUN apk add --no-cache ca-certificates git su-exec tini
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
