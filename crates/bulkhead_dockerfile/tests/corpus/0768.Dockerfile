# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 768: a service image

ARG BASE_IMAGE=fedora:40
ARG VERSION=3.19.9
FROM $BASE_IMAGE
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-768" maintainer="team-5@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        ca-certificates \
        git=8.* \
        xz-utils=7.* \
        libssl-dev \
        gnupg=3.* \
        libpq-dev=7.* \
        tzdata \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install pydantic==2.2.0
WORKDIR /usr/src/app
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
