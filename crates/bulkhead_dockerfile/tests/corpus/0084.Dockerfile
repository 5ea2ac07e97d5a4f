# syntax=docker/dockerfile:1.7
# Generated corpus file 84: a service image

FROM ubuntu:22.04
LABEL org.opencontainers.image.title="service-84" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        curl \
        build-essential \

        unzip \
    && apt-get clean
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==5.8.0
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install django==4.0.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
