# syntax=docker/dockerfile:1
# Generated corpus file 752: a service image

FROM ubuntu AS final
LABEL org.opencontainers.image.title="service-752" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libssl-dev \
        gnupg \
        tzdata \
        openssl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
