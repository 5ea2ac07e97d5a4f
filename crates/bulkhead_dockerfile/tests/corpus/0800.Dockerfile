# Generated corpus file 800: a service image

ARG VERSION=0.0.1
FROM debian:12-slim@sha256:abababababababababababababababababababababababababababababababab
LABEL org.opencontainers.image.title="service-800" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        tzdata \
        unzip \
        locales \
        jq \
        xz-utils \
    && apt-get clean
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
