# Generated corpus file 126: a service image

ARG VERSION=1.11.8
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==2.8.0
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM node:22-bookworm-slim
LABEL org.opencontainers.image.title="service-126" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        xz-utils \
        locales \
        openssl \
        libssl-dev \
        ca-certificates \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 443 8443
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD ["python", "-m", "app"]
