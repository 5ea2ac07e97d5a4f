# Generated corpus file 297: a service image

ARG BASE_IMAGE=node:22-bookworm-slim
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-297" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        ca-certificates \
        build-essential \
        curl \
        gnupg \
        tzdata \
        xz-utils \
        pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD ["python", "-m", "app"]
