# Generated corpus file 289: a service image

FROM debian:bookworm
LABEL org.opencontainers.image.title="service-289" maintainer="team-2@example.com"
RUN apt-get update \
    && apt-get install -y \
        unzip \
        git \
        gnupg \

        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install pydantic==5.1.0
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
