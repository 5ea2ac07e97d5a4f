# syntax=docker/dockerfile:1
# Generated corpus file 11: a service image

FROM ubuntu
LABEL org.opencontainers.image.title="service-11" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -y \
        xz-utils \
        gnupg \
        libssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
