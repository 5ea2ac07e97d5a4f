# syntax=docker/dockerfile:1.7
# Generated corpus file 8: a service image

FROM alpine:3.19 AS final
LABEL org.opencontainers.image.title="service-8" maintainer="team-1@example.com"
RUN apk add --no-cache bash
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
CMD node dist/main.js
