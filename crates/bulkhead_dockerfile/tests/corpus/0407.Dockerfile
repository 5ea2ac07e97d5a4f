# syntax=docker/dockerfile:1.7
# Generated corpus file 407: a service image

ARG VERSION=1.7.3
FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM rockylinux:9 AS final
LABEL org.opencontainers.image.title="service-407" maintainer="team-1@example.com"
RUN dnf install -y gcc tar make && dnf clean all
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --from=build --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
