# syntax=docker/dockerfile:1.7
# Generated corpus file 942: a service image

ARG BASE_IMAGE=rockylinux:9
FROM debian:12-slim@sha256:abababababababababababababababababababababababababababababababab AS final
LABEL org.opencontainers.image.title="service-942" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        git \
        tzdata \
        unzip \
        gnupg \
        ca-certificates \
    && apt-get clean
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
