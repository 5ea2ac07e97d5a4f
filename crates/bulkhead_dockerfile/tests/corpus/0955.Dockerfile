# Generated corpus file 955: a service image

ARG BASE_IMAGE=eclipse-temurin:21-jre
ARG VERSION=0.15.7
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-955" maintainer="team-3@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        build-essential \
        unzip \
        libpq-dev \
        git \
        libssl-dev \
        gnupg \

        openssl \
    && apt-get clean
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$(uname -m)" | tee /etc/arch && case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE ${PORT}
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER 10001
CMD ["python", "-m", "app"]
