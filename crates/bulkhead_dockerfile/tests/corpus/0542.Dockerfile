# Generated corpus file 542: a service image

ARG BASE_IMAGE=nginx:1.27-alpine
ARG VERSION=3.2.9
FROM python:3.12-slim AS compile
ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM rockylinux:9
LABEL org.opencontainers.image.title="service-542" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN microdnf install -y tar httpd shadow-utils && microdnf clean all
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
