# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
# Generated corpus file 352: a service image

ARG BASE_IMAGE=alpine:3.20
ARG VERSION=3.16.3
FROM opensuse/leap:15.6 AS final
LABEL org.opencontainers.image.title="service-352" maintainer="team-2@example.com"
RUN zypper -n install curl=8.6.0 && zypper clean --all
WORKDIR /usr/src/app
COPY --link --chmod=0644 config/ /etc/app/
ADD rootfs.tar.xz /
ONBUILD COPY . /app/src
ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src
EXPOSE 443 8443
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
