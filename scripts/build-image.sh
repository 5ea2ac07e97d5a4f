#!/usr/bin/env bash
# Assemble Bulkhead's own OCI image without a Docker engine: the same image the Dockerfile
# describes (a distroless-style root: the binary, the shared libraries it links, CA
# certificates, a non-root user, no shell, no package manager), built with umoci from a
# binary and the host's Debian libraries.
#
# Usage: scripts/build-image.sh BINARY LAYOUT [TAG]
#   BINARY  the bulkhead binary to ship (e.g. target/release/bulkhead)
#   LAYOUT  OCI image layout directory to create or add TAG to (scan it as oci:LAYOUT:TAG)
#   TAG     default: latest
#
# The Debian packages the libraries come from are recorded as distroless does
# (/var/lib/dpkg/status.d/<package>, the host's dpkg records), so `bulkhead sbom` and
# `bulkhead image` see exactly what was copied in.
set -euo pipefail
bin=${1:?usage: scripts/build-image.sh BINARY LAYOUT [TAG]}
layout=${2:?usage: scripts/build-image.sh BINARY LAYOUT [TAG]}
tag=${3:-latest}
for t in umoci ldd dpkg-query; do
  command -v "$t" >/dev/null || { echo "build-image: $t not found" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "build-image: $bin is not an executable" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -d "$layout" ] || umoci init --layout "$layout"
umoci new --image "$layout:$tag"
umoci unpack --image "$layout:$tag" "$tmp/bundle" >/dev/null
root="$tmp/bundle/rootfs"

install -D -m 0755 "$bin" "$root/usr/local/bin/bulkhead"
# The dynamic loader and every library the binary links, at the paths the loader looks in.
libs=$(ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}')
pkgs=()
for lib in $libs; do
  install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
  pkg=$(dpkg-query -S "$lib" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -n "$pkg" ] && pkgs+=("$pkg")
done
# CA certificates for registries over HTTPS, and the users (root and nonroot 65532).
install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
pkgs+=(ca-certificates)
install -d -m 0755 "$root/etc" "$root/var/lib/dpkg/status.d" "$root/work"
install -d -m 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"
install -d -m 0700 -o 65532 -g 65532 "$root/home/nonroot"
chown 65532:65532 "$root/work"
cp /etc/os-release "$root/etc/os-release"
for p in $(printf '%s\n' "${pkgs[@]}" | sort -u); do
  dpkg-query -s "$p" | grep -v '^Status:' > "$root/var/lib/dpkg/status.d/$p"
done

# One history entry per change, each written as the Dockerfile instruction that does the same
# (the image audit reads the history back as a Dockerfile and lints it).
umoci repack --image "$layout:$tag" --history.created_by "COPY rootfs/ /" "$tmp/bundle"
cfg() { umoci config --image "$layout:$tag" "$@"; }
cfg --config.user 65532:65532 --history.created_by "USER 65532:65532"
cfg --config.workingdir /work --history.created_by "WORKDIR /work"
cfg --config.entrypoint /usr/local/bin/bulkhead \
  --history.created_by 'ENTRYPOINT ["/usr/local/bin/bulkhead"]'
cfg --config.cmd --help --history.created_by 'CMD ["--help"]'
umoci gc --layout "$layout"
echo "built oci:$layout:$tag"
