# syntax=docker/dockerfile:1
# Generated corpus file 306: a service image

FROM opensuse/leap:15.6 AS final
LABEL org.opencontainers.image.title="service-306" maintainer="team-5@example.com"
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
