# Generated corpus file 709: a service image

ARG BASE_IMAGE=debian:bookworm
ARG VERSION=3.19.4
FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-709" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install -y \
        xz-utils \
        gnupg \
        jq \
        openssl \
        libssl-dev \

        curl \
    && rm -rf /var/lib/apt/lists/*
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --from=deps --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
