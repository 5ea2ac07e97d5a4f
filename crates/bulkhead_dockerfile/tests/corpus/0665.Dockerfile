# Generated corpus file 665: a service image

FROM python:3.11-alpine
LABEL org.opencontainers.image.title="service-665" maintainer="team-0@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache git curl ca-certificates su-exec libstdc++
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
COPY --chmod=0755 <<"START" /usr/local/bin/start.sh <<CONF /etc/app.conf
#!/bin/sh
exec /usr/local/bin/app "$@"
START
key = value
CONF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 443 8443
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
