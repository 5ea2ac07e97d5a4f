# syntax=docker/dockerfile:1
# Generated corpus file 914: a service image

FROM alpine:3.19
LABEL org.opencontainers.image.title="service-914" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add bash git tini su-exec curl
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==2.9.0
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 8080/tcp
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
USER nobody
CMD ["/app/server", "--port", "8080"]
