# Generated corpus file 722: a service image

ARG BASE_IMAGE=golang:1.23
FROM registry.example.com:5000/team/app-base:2024.10
LABEL org.opencontainers.image.title="service-722" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        tzdata \
        libpq-dev \
        build-essential \
        libssl-dev \
        unzip \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
