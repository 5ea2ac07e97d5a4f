# Generated corpus file 531: a service image

ARG BASE_IMAGE=debian:bookworm
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build
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

FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS assets1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==4.4.0
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-531" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        unzip \
        git \
        openssl \

        curl \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=build --chown=10001:10001 /out/ ./
COPY --from=assets1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD ["/app/server", "--port", "8080"]
