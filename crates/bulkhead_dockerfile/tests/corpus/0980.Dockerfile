# syntax=docker/dockerfile:1
# Generated corpus file 980: a service image

FROM maven:3.9-eclipse-temurin-21
LABEL org.opencontainers.image.title="service-980" maintainer="team-0@example.com"
ENV APP_HOME=/opt/app PORT=80 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -qq \
        ca-certificates \
        git \
        libssl-dev \
        curl \
        jq \
    && apt-get clean
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
