# syntax=docker/dockerfile:1.7
# Bulkhead's own image: the release binary on a distroless base (glibc, CA certificates,
# nothing else: no shell, no package manager), run as a numeric non-root user. Both bases are
# pinned by digest; bump them with `docker buildx imagetools inspect <image>:<tag>`.
# Without a Docker engine, scripts/build-image.sh assembles the same image with umoci.

FROM rust:1.95-slim-bookworm@sha256:d7482085ff5b415f84dba5647ae71606650bdef00db7aeb69f4b3d170c3e4082 AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock rust-toolchain.toml ./
COPY crates ./crates
RUN cargo build --release --locked -p bulkhead

# bulkhead: ignore[DF065] a command-line tool run once per CI job, not a service: nothing to probe
FROM gcr.io/distroless/cc-debian12:nonroot@sha256:9dac0a79194e45a7da0158a9c6da57b217585af0786db3845d1f0ec1a0dd182f
COPY --from=build /src/target/release/bulkhead /usr/local/bin/bulkhead
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/bulkhead"]
CMD ["--help"]
