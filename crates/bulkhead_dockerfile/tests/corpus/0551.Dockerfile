# Generated corpus file 551: a service image

FROM python:3.12-slim AS final
LABEL org.opencontainers.image.title="service-551" maintainer="team-5@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y --no-install-recommends \
        unzip \
        ca-certificates \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/app
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
