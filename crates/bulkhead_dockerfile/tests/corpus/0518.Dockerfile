# Generated corpus file 518: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
ARG VERSION=2.20.0
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install flask==3.0.0
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM redhat/ubi9-minimal:9.4
LABEL org.opencontainers.image.title="service-518" maintainer="team-0@example.com"
RUN microdnf install -y gzip make gcc && microdnf clean all
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /app
COPY --from=compile --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
