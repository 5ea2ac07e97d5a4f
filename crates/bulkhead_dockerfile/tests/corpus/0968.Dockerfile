# Generated corpus file 968: a service image

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM redhat/ubi9-minimal:9.4
LABEL org.opencontainers.image.title="service-968" maintainer="team-2@example.com"
RUN microdnf install -y gzip tar make && microdnf clean all
WORKDIR /srv
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 80
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
