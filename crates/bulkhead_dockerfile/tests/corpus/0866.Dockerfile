# syntax=docker/dockerfile:1
# Generated corpus file 866: a service image

FROM node:20-alpine
LABEL org.opencontainers.image.title="service-866" maintainer="team-5@example.com"
RUN apk add --no-cache git curl
RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \
    pip install requests==3.5.0
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001:10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
