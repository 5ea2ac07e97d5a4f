# syntax=docker/dockerfile:1
# Generated corpus file 693: a service image

FROM debian:bookworm AS final
LABEL org.opencontainers.image.title="service-693" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        libpq-dev \
        git \
        unzip=8.* \
        openssl=6.* \
        pkg-config \
        jq \
    && apt-get clean
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
VOLUME ["/data"]
EXPOSE 8080/tcp
USER 10001:10001
CMD node dist/main.js
