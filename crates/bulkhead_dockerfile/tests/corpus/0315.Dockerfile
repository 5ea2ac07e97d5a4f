# syntax=docker/dockerfile:1
# Generated corpus file 315: a service image

FROM redhat/ubi9-minimal:9.4
LABEL org.opencontainers.image.title="service-315" maintainer="team-0@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN microdnf install -y shadow-utils tar make && microdnf clean all
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==4.9.0
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD ["/app/server", "--port", "8080"]
