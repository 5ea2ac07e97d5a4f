# Generated corpus file 386: a service image

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-386" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /srv
EXPOSE 5000
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
