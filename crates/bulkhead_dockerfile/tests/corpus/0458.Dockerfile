# Generated corpus file 458: a service image

ARG BASE_IMAGE=ubuntu:24.04
ARG VERSION=3.11.5
FROM node:22-alpine AS test
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-458" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        libpq-dev \
        git \
        ca-certificates \
        locales \
        jq \
        gnupg \

        unzip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --from=test --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD exec gunicorn -b 0.0.0.0:8000 app:app
