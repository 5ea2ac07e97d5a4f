# Generated corpus file 394: a service image

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-394" maintainer="team-2@example.com"
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
CMD ["/app/server", "--port", "8080"]
