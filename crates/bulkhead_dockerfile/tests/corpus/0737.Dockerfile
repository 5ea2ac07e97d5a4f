# Generated corpus file 737: a service image

ARG BASE_IMAGE=python:3.11-alpine
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-737" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -y \
        unzip \

        openssl \
    && rm -rf /var/lib/apt/lists/*
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE ${PORT}
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
