# Generated corpus file 347: a service image

FROM fedora:40 AS final
LABEL org.opencontainers.image.title="service-347" maintainer="team-4@example.com"
ENV APP_HOME=/opt/app PORT=3000 \
    LANG=C.UTF-8
RUN dnf install -y httpd tar gcc && dnf clean all
WORKDIR /srv
COPY --link --chmod=0644 config/ /etc/app/
EXPOSE 8080/tcp
RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app
USER nobody
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD node dist/main.js
