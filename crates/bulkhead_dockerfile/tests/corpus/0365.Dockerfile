# Generated corpus file 365: a service image

FROM node:20-alpine AS final
LABEL org.opencontainers.image.title="service-365" maintainer="team-1@example.com"
RUN apk add ca-certificates curl bash libstdc++
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE ${PORT}
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
