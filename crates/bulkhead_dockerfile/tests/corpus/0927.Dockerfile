# Generated corpus file 927: a service image

ARG BASE_IMAGE=alpine:3.19
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-927" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -qq \
        git \
        libssl-dev \
        pkg-config \
        tzdata \
        openssl \
        gnupg \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE ${PORT}
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
