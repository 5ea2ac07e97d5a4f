# Generated corpus file 837: a service image

ARG BASE_IMAGE=ubuntu:22.04
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-837" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
        libssl-dev \
        jq \
        pkg-config \
        build-essential \
        openssl \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
