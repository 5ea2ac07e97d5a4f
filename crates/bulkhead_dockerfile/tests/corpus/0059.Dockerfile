# syntax=docker/dockerfile:1
# Generated corpus file 59: a service image

ARG VERSION=3.7.9
FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="service-59" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        libssl-dev \
        build-essential \
        unzip \
        git \
        pkg-config \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
COPY <<EOF /etc/app/config.yaml
listen: 0.0.0.0:8080
log_level: info
EOF
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD exec gunicorn -b 0.0.0.0:8000 app:app
