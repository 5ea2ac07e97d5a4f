# Generated corpus file 112: a service image

FROM python:3.11-slim AS compile
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="service-112" maintainer="team-0@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -qq \
        pkg-config \
        build-essential \
        curl \
        tzdata \
        gnupg \
        git \
        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --from=compile --chown=10001:10001 /out/ ./
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 9000-9005/udp
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
