# syntax=docker/dockerfile:1.7
# Generated corpus file 584: a service image

FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS deps
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM opensuse/leap:15.6
LABEL org.opencontainers.image.title="service-584" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN zypper -n install curl=8.6.0 && zypper clean --all
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
WORKDIR /usr/src/app
COPY --from=deps --chown=10001:10001 /out/ ./
COPY --link --chmod=0644 config/ /etc/app/
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
VOLUME ["/data"]
EXPOSE ${PORT}
CMD ["/app/server", "--port", "8080"]
