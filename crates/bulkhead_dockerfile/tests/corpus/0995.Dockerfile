# syntax=docker/dockerfile:1.7
# Generated corpus file 995: a service image

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-995" maintainer="team-1@example.com"
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE 9000-9005/udp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
CMD ["python", "-m", "app"]
