# syntax=docker/dockerfile:1
# Generated corpus file 860: a service image

FROM debian:12-slim
LABEL org.opencontainers.image.title="service-860" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        locales \
        tzdata \
        curl \
        gnupg \
        jq \
        libpq-dev \
    && apt-get clean
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 8080/tcp
STOPSIGNAL SIGTERM
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
