# Generated corpus file 142: a service image

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="service-142" maintainer="team-2@example.com"
ENV APP_HOME=/opt/app PORT=8080 \
    LANG=C.UTF-8
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
WORKDIR /usr/src/app
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
CMD node dist/main.js
