# syntax=docker/dockerfile:1.7
# Generated corpus file 660: a service image

ARG VERSION=0.13.1
FROM debian:bookworm AS final
LABEL org.opencontainers.image.title="service-660" maintainer="team-2@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        build-essential \
        xz-utils \
    && apt-get clean
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD node dist/main.js
