# syntax=docker/dockerfile:1
# Generated corpus file 402: a service image

FROM fedora:40 AS final
LABEL org.opencontainers.image.title="service-402" maintainer="team-3@example.com"
RUN dnf install -y make gcc tar && dnf clean all
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
