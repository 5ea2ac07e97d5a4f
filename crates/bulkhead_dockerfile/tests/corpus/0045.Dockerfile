# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 45: a service image

ARG BASE_IMAGE=golang:1.22-alpine
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="service-45" maintainer="team-3@example.com"
ENV APP_HOME=/opt/app PORT=5000 \
    LANG=C.UTF-8
RUN apt-get update \
    # install what the build needs
    && apt-get install -y \
        curl \
        libpq-dev \
        build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test
WORKDIR /srv
ADD rootfs.tar.xz /
VOLUME ["/data"]
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
CMD ["python", "-m", "app"]
