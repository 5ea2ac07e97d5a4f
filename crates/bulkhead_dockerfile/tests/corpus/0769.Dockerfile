# syntax=docker/dockerfile:1.7
# Generated corpus file 769: a service image

ARG VERSION=2.14.5
FROM ubuntu:24.04 AS final
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-769" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        pkg-config \
        build-essential \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD node dist/main.js
