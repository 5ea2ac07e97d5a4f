# syntax=docker/dockerfile:1
# Generated corpus file 756: a service image

ARG VERSION=0.7.2
FROM nginx:1.27-alpine
LABEL org.opencontainers.image.title="service-756" maintainer="team-0@example.com"
RUN apk add --no-cache ca-certificates su-exec openssl curl git
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install django==4.3.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
