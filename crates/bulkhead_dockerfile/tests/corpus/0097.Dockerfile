# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 97: a service image

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-97" maintainer="team-6@example.com"
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 5000
CMD node dist/main.js
