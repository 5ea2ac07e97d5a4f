# syntax=docker/dockerfile:1.7
# Generated corpus file 698: a service image

ARG VERSION=2.12.2
FROM node:22-bookworm-slim AS final
LABEL org.opencontainers.image.title="service-698" maintainer="team-5@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        curl \
        pkg-config \
        libssl-dev \
    && apt-get clean
WORKDIR /srv
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
USER app
CMD ["/app/server", "--port", "8080"]
