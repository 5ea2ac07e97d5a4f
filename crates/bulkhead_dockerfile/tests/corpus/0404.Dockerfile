# syntax=docker/dockerfile:1.7
# Generated corpus file 404: a service image

ARG BASE_IMAGE=rockylinux:9
ARG VERSION=2.20.0
FROM rust:1.79-slim AS compile
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM rockylinux:9 AS final
LABEL org.opencontainers.image.title="service-404" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN dnf install -y shadow-utils gcc httpd && dnf clean all
RUN <<-'SCRIPT' bash
	set -euo pipefail
	echo "building ${APP_NAME:-app}"
	mkdir -p /opt/app && cd /opt/app
	SCRIPT
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --from=compile --chown=10001:10001 /out/ ./
EXPOSE 9000-9005/udp
HEALTHCHECK NONE
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
