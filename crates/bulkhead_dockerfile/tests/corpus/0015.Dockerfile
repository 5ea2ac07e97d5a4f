# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 15: a service image

ARG VERSION=0.11.6
FROM rust:1.79-slim AS assets
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM fedora:40
LABEL org.opencontainers.image.title="service-15" maintainer="team-1@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN microdnf install -y tar shadow-utils gzip && microdnf clean all
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==5.2.0
WORKDIR /srv
COPY --from=assets --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
CMD node dist/main.js
