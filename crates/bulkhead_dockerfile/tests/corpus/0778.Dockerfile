# Generated corpus file 778: a service image

FROM registry.example.com:5000/team/app-base:2024.10
LABEL org.opencontainers.image.title="service-778" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential \
        gnupg \
        git=6.* \
        locales \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install flask==1.4.0
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
