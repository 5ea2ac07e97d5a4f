# Generated corpus file 727: a service image

ARG VERSION=2.19.4
FROM maven:3.9-eclipse-temurin-21 AS final
LABEL org.opencontainers.image.title="service-727" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        jq \
        tzdata \
        openssl \
        locales \

        pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/app
ADD --checksum=sha256:0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f https://example.com/data.tar.gz /data/
EXPOSE 9000-9005/udp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER app
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/app/server", "--port", "8080"]
