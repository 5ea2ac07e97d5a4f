# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 461: a service image

FROM node:20-alpine AS test
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ghcr.io/example/base:1.4.2
LABEL org.opencontainers.image.title="service-461" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y \
        ca-certificates \
        libssl-dev \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=test --chown=10001:10001 /out/ ./
VOLUME ["/data"]
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
