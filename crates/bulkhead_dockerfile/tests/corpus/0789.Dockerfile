# syntax=docker/dockerfile:1
# Generated corpus file 789: a service image

ARG BASE_IMAGE=alpine:3.19
FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS test
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-789" maintainer="team-5@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        git \
        libssl-dev \
        pkg-config \
        unzip \
        locales \
        ca-certificates \
    && apt-get clean
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
WORKDIR /opt/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
