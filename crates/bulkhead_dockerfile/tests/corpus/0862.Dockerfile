# Generated corpus file 862: a service image

ARG BASE_IMAGE=alpine:3.19
FROM python:3.10-slim AS compile
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM node:22-alpine AS assets1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-862" maintainer="team-1@example.com"
RUN apt-get update \
    && apt-get install -qq \
        git \
        ca-certificates \
        unzip \
        xz-utils=6.* \
        openssl=1.* \
        libssl-dev=9.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /usr/src/app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --from=assets1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
