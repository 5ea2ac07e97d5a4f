# syntax=docker/dockerfile:1.7
# Generated corpus file 465: a service image

FROM alpine:3.19 AS final
LABEL org.opencontainers.image.title="service-465" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache ca-certificates curl tini
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install psycopg2-binary==2.4.0
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
EXPOSE 9000-9005/udp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER nobody
CMD ["python", "-m", "app"]
