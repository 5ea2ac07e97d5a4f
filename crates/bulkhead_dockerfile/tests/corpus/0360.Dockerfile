# syntax=docker/dockerfile:1
# Generated corpus file 360: a service image

FROM python:3.11-alpine
LABEL org.opencontainers.image.title="service-360" maintainer="team-3@example.com"
RUN apk add openssl tini libstdc++ bash
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
