# syntax=docker/dockerfile:1
# Generated corpus file 204: a service image

ARG BASE_IMAGE=fedora:40
FROM node:22-alpine AS test
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-204" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        tzdata=1.* \
        curl \
        libssl-dev=2.* \
        gnupg \
        build-essential=5.* \
        libpq-dev \
        locales=5.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=test --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001:10001
CMD node dist/main.js
