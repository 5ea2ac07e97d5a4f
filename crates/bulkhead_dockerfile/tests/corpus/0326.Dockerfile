# Generated corpus file 326: a service image

ARG BASE_IMAGE=ubuntu:24.04
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM node:22-alpine AS deps1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-326" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        git \
        openssl \
        pkg-config=4.* \
        tzdata \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --from=deps1 --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
