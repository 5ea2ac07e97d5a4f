# syntax=docker/dockerfile:1
# Generated corpus file 602: a service image

FROM gcr.io/distroless/static-debian12:nonroot AS final
LABEL org.opencontainers.image.title="service-602" maintainer="team-0@example.com"
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
VOLUME ["/data"]
EXPOSE 5000
USER 10001:10001
CMD ["/app/server", "--port", "8080"]
