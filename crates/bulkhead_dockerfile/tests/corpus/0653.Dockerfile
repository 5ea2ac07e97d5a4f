# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 653: a service image

ARG VERSION=0.11.1
FROM python:3.10-slim AS build
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM node:20-alpine AS deps1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM alpine:3.20 AS final
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-653" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apk add --no-cache openssl
WORKDIR /opt/app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --from=deps1 --chown=10001:10001 /out/ ./
EXPOSE 443 8443
HEALTHCHECK NONE
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
