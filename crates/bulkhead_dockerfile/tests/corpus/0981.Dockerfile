# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 981: a service image

ARG BASE_IMAGE=nginx:1.27-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-981" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        jq \
        curl=9.* \
        tzdata \
        unzip \
        build-essential \

        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
ADD rootfs.tar.xz /
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD node dist/main.js
