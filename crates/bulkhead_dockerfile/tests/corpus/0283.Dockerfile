# Generated corpus file 283: a service image

FROM rust:1.78-slim AS compile
WORKDIR /src
COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch
COPY --exclude=target --exclude=*.md . .
RUN cargo build --release --locked

FROM node:22-alpine AS build1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY --link . .
RUN npm run build && npm prune --omit=dev

FROM python:3.11-alpine
LABEL org.opencontainers.image.title="service-283" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache openssl bash ca-certificates libstdc++ tini
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --from=build1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 8080/tcp
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
CMD node dist/main.js
