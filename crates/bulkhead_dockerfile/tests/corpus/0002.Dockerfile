# syntax=docker/dockerfile:1
# Generated corpus file 2: a service image

ARG VERSION=0.13.5
FROM ruby:3.3-slim AS final
LABEL org.opencontainers.image.title="service-2" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        build-essential \
        git \
        xz-utils \
        jq \
        ca-certificates \
        libpq-dev \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==1.6.0
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD ["/app/server", "--port", "8080"]
