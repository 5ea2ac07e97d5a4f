# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 819: a service image

ARG VERSION=2.16.0
FROM debian:12-slim@sha256:abababababababababababababababababababababababababababababababab
LABEL org.opencontainers.image.title="service-819" maintainer="team-0@example.com"
RUN apt-get update \
    && apt-get install -y \
        gnupg=8.* \

        pkg-config \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==5.8.0
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
