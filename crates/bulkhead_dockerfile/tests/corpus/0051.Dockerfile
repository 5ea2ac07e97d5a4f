# syntax=docker/dockerfile:1
# Generated corpus file 51: a service image

FROM nginx:1.27-alpine
LABEL org.opencontainers.image.title="service-51" maintainer="team-2@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add --no-cache ca-certificates
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
CMD exec gunicorn -b 0.0.0.0:8000 app:app
