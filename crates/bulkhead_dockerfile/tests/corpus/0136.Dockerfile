# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 136: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM node:20-alpine AS compile
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM ruby:3.3-slim
LABEL org.opencontainers.image.title="service-136" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        tzdata \
        libpq-dev \
        libssl-dev \
        curl \
        build-essential \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
EXPOSE 8080/tcp
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
