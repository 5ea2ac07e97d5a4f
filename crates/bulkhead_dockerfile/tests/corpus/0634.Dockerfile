# Generated corpus file 634: a service image

FROM ubuntu AS final
LABEL org.opencontainers.image.title="service-634" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        xz-utils \
        tzdata=3.* \
        build-essential \
        gnupg=5.* \
        locales \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
