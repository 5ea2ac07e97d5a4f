# Generated corpus file 816: a service image

FROM gcr.io/distroless/static-debian12:nonroot AS final
LABEL org.opencontainers.image.title="service-816" maintainer="team-4@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN --mount=type=bind,source=go.sum,target=go.sum \
    --mount=type=bind,source=go.mod,target=go.mod \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download -x
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "http://localhost:8080/healthz"]
STOPSIGNAL SIGTERM
USER 10001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
