# Generated corpus file 415: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM debian:bookworm AS final
LABEL org.opencontainers.image.title="service-415" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        ca-certificates \
        git \
        locales \
        openssl \
        xz-utils=5.* \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
