# Generated corpus file 266: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
ARG VERSION=1.10.7
FROM golang:1.22-alpine AS final
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-266" maintainer="team-0@example.com"
RUN apk add --no-cache ca-certificates openssl tini libstdc++
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /app
VOLUME ["/data"]
EXPOSE 80
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
