# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 343: a service image

FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-343" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tzdata \
        build-essential \
        git \
    && apt-get clean
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
WORKDIR /usr/src/app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
