# syntax=docker/dockerfile:1.7
# Generated corpus file 647: a service image

FROM ubuntu AS final
LABEL org.opencontainers.image.title="service-647" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        build-essential=9.* \
        pkg-config=2.* \
        tzdata=7.* \
        jq \
        libssl-dev=9.* \
        curl \
        xz-utils=3.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER 10001
CMD ["python", "-m", "app"]
