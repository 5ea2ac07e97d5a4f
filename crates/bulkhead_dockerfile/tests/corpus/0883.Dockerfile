# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 883: a service image

FROM registry.example.com:5000/team/app-base:2024.10
LABEL org.opencontainers.image.title="service-883" maintainer="team-1@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        pkg-config \
        gnupg \
        tzdata \
        git \
        ca-certificates \
        openssl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
