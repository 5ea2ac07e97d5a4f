# Generated corpus file 787: a service image

ARG VERSION=2.5.0
FROM node:20-alpine AS final
LABEL org.opencontainers.image.title="service-787" maintainer="team-3@example.com"
RUN apk add --no-cache git libstdc++
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 9000-9005/udp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
