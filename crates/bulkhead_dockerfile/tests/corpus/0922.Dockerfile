# syntax=docker/dockerfile:1
# Generated corpus file 922: a service image

ARG VERSION=0.7.4
FROM gcr.io/distroless/static-debian12:nonroot AS final
LABEL org.opencontainers.image.title="service-922" maintainer="team-5@example.com"
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
EXPOSE 443 8443
USER app
CMD ["python", "-m", "app"]
