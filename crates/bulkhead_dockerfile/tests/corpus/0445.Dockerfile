# Generated corpus file 445: a service image

ARG BASE_IMAGE=golang:1.22-alpine
FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS builder1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-445" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        locales \

        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --from=builder1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD ["/app/server", "--port", "8080"]
