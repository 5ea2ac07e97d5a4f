# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 750: a service image

ARG BASE_IMAGE=golang:1.22-alpine
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-750" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
