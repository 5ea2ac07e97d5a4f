# Generated corpus file 558: a service image

ARG VERSION=2.1.6
FROM maven:3.9-eclipse-temurin-21
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-558" maintainer="team-5@example.com"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        locales=9.* \
        libssl-dev=6.* \
        gnupg=8.* \
        curl \
        tzdata=8.* \
        build-essential=3.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install pydantic==3.6.0
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD ["/app/server", "--port", "8080"]
