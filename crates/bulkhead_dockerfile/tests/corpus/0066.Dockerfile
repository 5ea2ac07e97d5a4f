# syntax=docker/dockerfile:1
# Generated corpus file 66: a service image

FROM rockylinux:9 AS final
LABEL org.opencontainers.image.title="service-66" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN microdnf install -y shadow-utils make httpd && microdnf clean all
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /opt/app
VOLUME ["/data"]
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
