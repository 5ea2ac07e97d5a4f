#!/bin/sh
# Rebuild bulkhead.bpf.o from bulkhead.bpf.c, reproducibly.
#
#   crates/bulkhead_runtime/bpf/build.sh [OUT]     (default: bulkhead.bpf.o next to this script)
#
# Needs Debian's clang (14 on bookworm), llvm-strip and libbpf-dev (bpf_helpers.h). The object
# carries no kernel types beyond the few fields declared in the C file (CO-RE relocates them at
# load), no DWARF (stripped: it would embed the build directory) and only the relative source
# name, so two builds with the same toolchain are byte-identical wherever they run. TOOLCHAIN
# records the clang version the checked-in object was built with; tests/ebpf.rs rebuilds into a
# temporary directory and compares bytes when that clang is installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/bulkhead.bpf.o"}
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac
tmp="$out.tmp.$$"
cd "$here"
clang -g -O2 -target bpf -mcpu=v3 -D__TARGET_ARCH_x86 -Wall -Werror -I/usr/include/x86_64-linux-gnu \
	-fdebug-prefix-map="$here"=. -c bulkhead.bpf.c -o "$tmp"
llvm-strip -g "$tmp"
mv "$tmp" "$out"
