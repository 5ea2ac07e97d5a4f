# Generated corpus file 372: a service image

FROM debian:bookworm
LABEL org.opencontainers.image.title="service-372" maintainer="team-1@example.com"
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        pkg-config=7.* \
        xz-utils=7.* \
        unzip=5.* \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private
RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \
    | tar -xz -C /usr/local/bin tool
WORKDIR /app
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD ["/app/server", "--port", "8080"]
