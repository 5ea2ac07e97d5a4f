# syntax=docker/dockerfile:1.7
# Generated corpus file 511: a service image

FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS builder
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install django==5.8.0
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM python:3.12-slim AS final
LABEL org.opencontainers.image.title="service-511" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        curl \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --from=builder --chown=10001:10001 /out/ ./
EXPOSE ${PORT}
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
