# syntax=docker/dockerfile:1.7
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 610: a service image

FROM maven:3.9-eclipse-temurin-21 AS compile
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build1
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM ubuntu AS final
LABEL org.opencontainers.image.title="service-610" maintainer="team-1@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN apt-get update \
    && apt-get install -qq \
        libssl-dev \
        jq \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
WORKDIR /app
COPY --from=compile --chown=10001:10001 /out/ ./
COPY --from=build1 --chown=10001:10001 /out/ ./
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 5000
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
