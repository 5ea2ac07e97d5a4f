# syntax=docker/dockerfile:1
# Generated corpus file 618: a service image

ARG VERSION=2.9.1
FROM fedora:40 AS final
LABEL org.opencontainers.image.title="service-618" maintainer="team-2@example.com"
RUN dnf install -y gcc gzip make && dnf clean all
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
VOLUME ["/data"]
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
