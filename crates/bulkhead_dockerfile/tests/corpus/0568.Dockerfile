# Generated corpus file 568: a service image

FROM rockylinux:9
LABEL org.opencontainers.image.title="service-568" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN dnf install -y gzip gcc make && dnf clean all
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
EXPOSE ${PORT}
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
