# syntax=docker/dockerfile:1
# Generated corpus file 975: a service image

FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS compile
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM rockylinux:9 AS final
LABEL org.opencontainers.image.title="service-975" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN dnf install -y shadow-utils make tar && dnf clean all
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /opt/app
COPY --from=compile --chown=10001:10001 /out/ ./
EXPOSE 80
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
CMD exec gunicorn -b 0.0.0.0:8000 app:app
