# Generated corpus file 88: a service image

ARG VERSION=0.18.7
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM maven:3.9-eclipse-temurin-21 AS builder1
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM ubuntu AS final
LABEL org.opencontainers.image.title="service-88" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    # install what the build needs
    && apt-get install --yes --no-install-recommends \
        jq \
        build-essential \
        locales \
        curl \
        libssl-dev \
        unzip \

        tzdata \
    && apt-get clean
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install django==5.0.0
WORKDIR /srv
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --from=builder1 --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
