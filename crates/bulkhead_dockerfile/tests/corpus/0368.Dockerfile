# syntax=docker/dockerfile:1.7
# Generated corpus file 368: a service image

FROM python:3.10-slim AS assets
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM node:20-alpine
LABEL org.opencontainers.image.title="service-368" maintainer="team-4@example.com"
RUN apk add tini
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 443 8443
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001
CMD ["python", "-m", "app"]
