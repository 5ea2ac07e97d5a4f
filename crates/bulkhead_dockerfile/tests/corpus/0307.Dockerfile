# syntax=docker/dockerfile:1
# Generated corpus file 307: a service image

FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM golang:1.22-alpine
LABEL org.opencontainers.image.title="service-307" maintainer="team-6@example.com"
RUN apk add --no-cache tini libstdc++
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install uvicorn==1.5.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
HEALTHCHECK NONE
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
