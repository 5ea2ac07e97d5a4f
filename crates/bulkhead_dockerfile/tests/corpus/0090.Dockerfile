# syntax=docker/dockerfile:1
# Generated corpus file 90: a service image

ARG VERSION=0.11.7
FROM registry.example.com:5000/team/app-base:2024.10
LABEL org.opencontainers.image.title="service-90" maintainer="team-6@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        unzip \
        xz-utils \
        libssl-dev \
    && apt-get clean
WORKDIR /opt/app
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE ${PORT}
CMD ["python", "-m", "app"]
