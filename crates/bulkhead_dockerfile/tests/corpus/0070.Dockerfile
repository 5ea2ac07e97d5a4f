# Generated corpus file 70: a service image

FROM nginx:1.27-alpine
LABEL org.opencontainers.image.title="service-70" maintainer="team-0@example.com"
ENV PATH="/opt/app/bin:${PATH}"
RUN apk add ca-certificates
RUN python3 <<PY
import json, sys
print(json.dumps({'ok': True}))
PY
WORKDIR /opt/app
COPY --link --chmod=0644 config/ /etc/app/
VOLUME ["/data"]
EXPOSE ${PORT}
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER app
CMD node dist/main.js
