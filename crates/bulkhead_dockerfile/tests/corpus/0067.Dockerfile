# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 67: a service image

FROM fedora:40
LABEL org.opencontainers.image.title="service-67" maintainer="team-4@example.com"
RUN dnf install -y make gzip tar && dnf clean all
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
EXPOSE 9000-9005/udp
STOPSIGNAL SIGTERM
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
