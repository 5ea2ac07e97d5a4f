# Generated corpus file 984: a service image

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS assets
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM --platform=$BUILDPLATFORM golang:1.21-alpine AS test1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM php:8.3-fpm
LABEL org.opencontainers.image.title="service-984" maintainer="team-4@example.com"
RUN apt-get update \
    && apt-get install -qq \
        tzdata \
        openssl \
    && apt-get clean
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /app
COPY --from=assets --chown=10001:10001 /out/ ./
COPY --from=test1 --chown=10001:10001 /out/ ./
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
