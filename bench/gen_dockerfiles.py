#!/usr/bin/env python3
"""Generate a deterministic corpus of varied, valid Dockerfiles of real-world size.

Usage: bench/gen_dockerfiles.py OUT_DIR [COUNT] [SEED]

Every file is valid for BuildKit (dockerfile:1 syntax): multi-stage builds, global ARGs,
heredocs (<<EOF, <<-EOF, quoted delimiters, several per instruction), RUN --mount /
--network / --security, COPY --link / --chmod / --parents / --exclude, line continuations
with comments and blank lines inside, JSON and shell forms, ONBUILD, HEALTHCHECK options,
variable substitution forms, and Windows files with `# escape=``. The corpus test of
bulkhead_dockerfile parses all of them and expects zero input errors; bench/dockerfile.sh
times bulkhead, hadolint and checkov on them.
"""
import os
import random
import sys

BASES = [
    "debian:12-slim", "debian:bookworm", "ubuntu:24.04", "ubuntu:22.04", "alpine:3.20",
    "alpine:3.19", "python:3.12-slim", "python:3.11-alpine", "node:22-bookworm-slim",
    "node:20-alpine", "golang:1.23", "golang:1.22-alpine", "rust:1.82-slim",
    "eclipse-temurin:21-jre", "maven:3.9-eclipse-temurin-21", "nginx:1.27-alpine",
    "redhat/ubi9-minimal:9.4", "fedora:40", "rockylinux:9", "opensuse/leap:15.6",
    "gcr.io/distroless/static-debian12:nonroot", "ghcr.io/example/base:1.4.2",
    "registry.example.com:5000/team/app-base:2024.10", "ruby:3.3-slim", "php:8.3-fpm",
    "debian:12-slim@sha256:" + "ab" * 32, "ubuntu",
]
APT_PKGS = ["curl", "ca-certificates", "git", "build-essential", "libpq-dev", "gnupg", "unzip",
            "tzdata", "locales", "jq", "openssl", "libssl-dev", "pkg-config", "xz-utils"]
APK_PKGS = ["curl", "ca-certificates", "git", "bash", "tini", "su-exec", "libstdc++", "openssl"]
PIP_PKGS = ["flask", "gunicorn", "requests", "django", "psycopg2-binary", "uvicorn", "pydantic"]
NPM_PKGS = ["typescript", "pnpm", "@nestjs/cli", "pm2", "serve"]


def pick(r, xs, k=None):
    if k is None:
        return r.choice(xs)
    return r.sample(xs, min(k, len(xs)))


def apt_block(r):
    pkgs = pick(r, APT_PKGS, r.randint(2, 7))
    if r.random() < 0.4:
        pkgs = [p + "=" + str(r.randint(1, 9)) + ".*" if r.random() < 0.5 else p for p in pkgs]
    lines = ["RUN apt-get update \\"]
    if r.random() < 0.3:
        lines.append("    # install what the build needs")
    flags = r.choice(["-y --no-install-recommends", "-y", "-qq", "--yes --no-install-recommends"])
    lines.append(f"    && apt-get install {flags} \\")
    for p in pkgs[:-1]:
        lines.append(f"        {p} \\")
    if r.random() < 0.2:
        lines.append("")  # empty continuation line (BuildKit warns, still valid)
        lines[-2] = lines[-2]
    lines.append(f"        {pkgs[-1]} \\")
    lines.append("    && rm -rf /var/lib/apt/lists/*" if r.random() < 0.7 else "    && apt-get clean")
    return lines


def apk_block(r):
    pkgs = " ".join(pick(r, APK_PKGS, r.randint(1, 5)))
    return [f"RUN apk add {'--no-cache ' if r.random() < 0.7 else ''}{pkgs}"]


def yum_block(r, tool):
    pkgs = " ".join(pick(r, ["httpd", "gcc", "make", "tar", "gzip", "shadow-utils"], 3))
    return [f"RUN {tool} install -y {pkgs} && {tool} clean all"]


def mount_run(r):
    kind = r.choice(["cache", "secret", "bind", "ssh", "tmpfs"])
    if kind == "cache":
        return ["RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked \\",
                f"    pip install {pick(r, PIP_PKGS)}=={r.randint(1, 5)}.{r.randint(0, 9)}.0"]
    if kind == "secret":
        return ["RUN --mount=type=secret,id=npmrc,target=/root/.npmrc,required=true npm ci --omit=dev"]
    if kind == "bind":
        return ["RUN --mount=type=bind,source=go.sum,target=go.sum \\",
                "    --mount=type=bind,source=go.mod,target=go.mod \\",
                "    --mount=type=cache,target=/go/pkg/mod \\",
                "    go mod download -x"]
    if kind == "ssh":
        return ["RUN --mount=type=ssh,id=default git clone git@github.com:example/private.git /src/private"]
    return ["RUN --mount=type=tmpfs,target=/tmp --network=none --security=sandbox make -j4 test"]


def heredoc_run(r):
    v = r.randint(0, 4)
    if v == 0:
        return ["RUN <<EOF", "set -eux", "apt-get update", "apt-get install -y --no-install-recommends curl",
                "rm -rf /var/lib/apt/lists/*", "EOF"]
    if v == 1:
        return ["RUN <<-'SCRIPT' bash", "\tset -euo pipefail", "\techo \"building ${APP_NAME:-app}\"",
                "\tmkdir -p /opt/app && cd /opt/app", "\tSCRIPT"]
    if v == 2:
        return ["COPY <<EOF /etc/app/config.yaml", "listen: 0.0.0.0:8080", "log_level: info", "EOF"]
    if v == 3:
        return ["COPY --chmod=0755 <<\"START\" /usr/local/bin/start.sh <<CONF /etc/app.conf",
                "#!/bin/sh", "exec /usr/local/bin/app \"$@\"", "START", "key = value", "CONF"]
    return ["RUN python3 <<PY", "import json, sys", "print(json.dumps({'ok': True}))", "PY"]


def builder_stage(r, name, lang):
    out = []
    if lang == "go":
        out.append(f"FROM --platform=$BUILDPLATFORM golang:1.{r.randint(21, 23)}-alpine AS {name}")
        out += ["ARG TARGETOS", "ARG TARGETARCH", "WORKDIR /src"]
        out += mount_run(r) if r.random() < 0.5 else ["COPY go.mod go.sum ./", "RUN go mod download"]
        out += ["COPY . .",
                "RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\",
                "    go build -trimpath -ldflags=\"-s -w\" -o /out/app ./cmd/app"]
    elif lang == "node":
        out.append(f"FROM node:{r.choice(['20', '22'])}-alpine AS {name}")
        out += ["WORKDIR /app", "COPY package.json package-lock.json ./", "RUN npm ci",
                "COPY --link . .", "RUN npm run build && npm prune --omit=dev"]
    elif lang == "python":
        out.append(f"FROM python:3.{r.randint(10, 12)}-slim AS {name}")
        out += ["ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1", "WORKDIR /build",
                "COPY requirements.txt .", "RUN pip wheel --wheel-dir /wheels -r requirements.txt"]
    elif lang == "rust":
        out.append(f"FROM rust:1.{r.randint(78, 82)}-slim AS {name}")
        out += ["WORKDIR /src", "COPY --parents Cargo.toml Cargo.lock crates/*/Cargo.toml ./",
                "RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch",
                "COPY --exclude=target --exclude=*.md . .",
                "RUN cargo build --release --locked"]
    else:
        out.append(f"FROM maven:3.9-eclipse-temurin-21 AS {name}")
        out += ["WORKDIR /src", "COPY pom.xml .", "RUN mvn -q -B dependency:go-offline",
                "COPY src ./src", "RUN mvn -q -B package -DskipTests"]
    return out


def linux_file(r, i):
    lines = []
    if r.random() < 0.6:
        lines.append("# syntax=docker/dockerfile:1" + (".7" if r.random() < 0.3 else ""))
    if r.random() < 0.15:
        lines.append("# check=skip=JSONArgsRecommended;error=true")
    lines.append(f"# Generated corpus file {i}: a service image")
    lines.append("")
    if r.random() < 0.5:
        lines.append(f"ARG BASE_IMAGE={pick(r, BASES[:20])}")
    if r.random() < 0.3:
        lines.append(f"ARG VERSION={r.randint(0, 3)}.{r.randint(0, 20)}.{r.randint(0, 9)}")
    nstages = r.choice([1, 1, 2, 2, 2, 3])
    names = []
    for s in range(nstages - 1):
        name = r.choice(["build", "builder", "deps", "compile", "assets", "test"]) + (str(s) if s else "")
        names.append(name)
        lines += builder_stage(r, name, r.choice(["go", "node", "python", "rust", "java"]))
        lines.append("")
    # final stage
    if any(l.startswith("ARG BASE_IMAGE") for l in lines) and r.random() < 0.7:
        lines.append("FROM ${BASE_IMAGE} AS runtime" if r.random() < 0.5 else "FROM $BASE_IMAGE")
        base = "debian"
    else:
        base = pick(r, BASES)
        lines.append(f"FROM {base}" + (" AS final" if r.random() < 0.4 else ""))
    if "VERSION" in "".join(lines) and r.random() < 0.5:
        lines.append("ARG VERSION")
        lines.append('LABEL org.opencontainers.image.version="${VERSION:-dev}" \\')
        lines.append('      org.opencontainers.image.source="https://example.com/repo"')
    lines.append(f"LABEL org.opencontainers.image.title=\"service-{i}\" maintainer=\"team-{i % 7}@example.com\"")
    env = r.random()
    if env < 0.5:
        lines.append(f"ENV APP_HOME=/opt/app PORT={r.choice([80, 8080, 3000, 5000])} \\")
        lines.append("    LANG=C.UTF-8")
    elif env < 0.7:
        lines.append("ENV PATH=\"/opt/app/bin:${PATH}\"")
    if "alpine" in base:
        lines += apk_block(r)
    elif any(x in base for x in ("ubi", "fedora", "rocky")):
        lines += yum_block(r, r.choice(["dnf", "microdnf"]) if "ubi" not in base else "microdnf")
    elif "opensuse" in base:
        lines.append("RUN zypper -n install curl=8.6.0 && zypper clean --all")
    elif "distroless" not in base:
        lines += apt_block(r)
    for _ in range(r.randint(0, 2)):
        lines += r.choice([heredoc_run, mount_run])(r)
    if r.random() < 0.3:
        lines += ["RUN set -o pipefail && curl -fsSL https://example.com/tool-1.2.3.tgz \\",
                  "    | tar -xz -C /usr/local/bin tool"]
    if r.random() < 0.3:
        lines += ["SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
                  "RUN echo \"$(uname -m)\" | tee /etc/arch && case \"$(uname -m)\" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac"]
    lines.append(f"WORKDIR {r.choice(['/app', '/opt/app', '/srv', '/usr/src/app'])}")
    for n in names[:2]:
        lines.append(f"COPY --from={n} --chown=10001:10001 /out/ ./")
    if r.random() < 0.5:
        lines.append("COPY --link --chmod=0644 config/ /etc/app/")
    if r.random() < 0.3:
        lines.append("ADD --checksum=sha256:" + "0f" * 32 + " https://example.com/data.tar.gz /data/")
    if r.random() < 0.2:
        lines.append("ADD rootfs.tar.xz /")
    if r.random() < 0.2:
        lines.append("ONBUILD COPY . /app/src")
        lines.append("ONBUILD RUN --mount=type=cache,target=/root/.cache make -C /app/src")
    if r.random() < 0.2:
        lines.append("VOLUME [\"/data\"]")
    lines.append(f"EXPOSE {r.choice(['80', '8080/tcp', '443 8443', '5000', '9000-9005/udp', '${PORT}'])}")
    if r.random() < 0.5:
        lines.append("HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\")
        lines.append("  CMD [\"curl\", \"-fsS\", \"http://localhost:8080/healthz\"]")
    elif r.random() < 0.2:
        lines.append("HEALTHCHECK NONE")
    if r.random() < 0.2:
        lines.append("STOPSIGNAL SIGTERM")
    if "distroless" not in base and r.random() < 0.6:
        lines.append("RUN groupadd --system --gid 10001 app && useradd --system -l --uid 10001 --gid app app"
                     if "alpine" not in base else "RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app")
    if r.random() < 0.8:
        lines.append(r.choice(["USER 10001:10001", "USER 10001", "USER app", "USER nobody"]))
    if r.random() < 0.5:
        lines.append("ENTRYPOINT [\"/usr/bin/tini\", \"--\"]")
    lines.append(r.choice(["CMD [\"/app/server\", \"--port\", \"8080\"]", "CMD [\"python\", \"-m\", \"app\"]",
                           "CMD node dist/main.js", "CMD exec gunicorn -b 0.0.0.0:8000 app:app"]))
    return lines


def windows_file(r, i):
    lines = ["# escape=`", "", f"# Generated corpus file {i}: a Windows image"]
    lines.append(f"FROM mcr.microsoft.com/windows/servercore:ltsc{r.choice(['2019', '2022'])}")
    lines.append('SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]')
    lines.append("ENV APP_HOME=C:\\app")
    lines.append("WORKDIR C:\\app")
    lines += ["RUN Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile tool.zip; `",
              "    Expand-Archive tool.zip -DestinationPath C:\\tools; `",
              "    Remove-Item tool.zip -Force"]
    lines.append("COPY app\\ C:\\app\\")
    lines.append("USER ContainerUser")
    lines.append('CMD ["C:\\\\app\\\\server.exe"]')
    return lines


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20241126
    os.makedirs(out, exist_ok=True)
    r = random.Random(seed)
    for i in range(count):
        lines = windows_file(r, i) if i % 25 == 24 else linux_file(r, i)
        text = "\n".join(lines) + "\n"
        if i % 17 == 0:
            text = text.replace("\n", "\r\n")
        with open(os.path.join(out, f"{i:04d}.Dockerfile"), "w", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
