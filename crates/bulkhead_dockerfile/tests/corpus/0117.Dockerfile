# syntax=docker/dockerfile:1.7
# Generated corpus file 117: a service image

FROM node:22-alpine AS builder
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM opensuse/leap:15.6
LABEL org.opencontainers.image.title="service-117" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install gunicorn==2.9.0
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /opt/app
COPY --from=builder --chown=10001:10001 /out/ ./
COPY --from=deps1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
