# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 544: a service image

FROM python:3.10-slim AS deps
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM node:20-alpine
LABEL org.opencontainers.image.title="service-544" maintainer="team-5@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apk add --no-cache tini ca-certificates
WORKDIR /opt/app
COPY --from=deps --chown=10001:10001 /out/ ./
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
