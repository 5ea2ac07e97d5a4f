# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 243: a service image

FROM golang:1.22-alpine AS final
LABEL org.opencontainers.image.title="service-243" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache ca-certificates tini libstdc++ bash su-exec
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 443 8443
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER nobody
CMD ["/app/server", "--port", "8080"]
