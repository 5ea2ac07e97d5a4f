# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 141: a service image

ARG VERSION=0.7.4
FROM python:3.10-slim AS build
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM ruby:3.3-slim AS final
LABEL org.opencontainers.image.title="service-141" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libssl-dev \
        ca-certificates \
        locales=8.* \
        curl \
        jq=3.* \

        unzip \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=build --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
