# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 713: a service image

ARG BASE_IMAGE=ubuntu:22.04
ARG VERSION=0.8.9
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-713" maintainer="team-6@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        build-essential \
        jq \
        ca-certificates \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
EXPOSE 5000
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
