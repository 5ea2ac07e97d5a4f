# syntax=docker/dockerfile:1
# Generated corpus file 541: a service image

FROM debian:12-slim@sha256:abababababababababababababababababababababababababababababababab AS final
LABEL org.opencontainers.image.title="service-541" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        pkg-config \
        git \
        openssl \
        xz-utils \
        tzdata \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
