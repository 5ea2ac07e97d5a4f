# syntax=docker/dockerfile:1
# Generated corpus file 642: a service image

ARG VERSION=1.5.1
FROM python:3.11-alpine
ARG VERSION
LABEL org.opencontainers.image.version="${VERSION:-dev}" \
      org.opencontainers.image.source="https://example.com/repo"
LABEL org.opencontainers.image.title="service-642" maintainer="team-5@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache su-exec
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE ${PORT}
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
