# Generated corpus file 58: a service image

ARG BASE_IMAGE=python:3.12-slim
FROM $BASE_IMAGE
LABEL org.opencontainers.image.title="service-58" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y \
        gnupg \
        jq \
        build-essential \
        openssl \
        tzdata \
        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
