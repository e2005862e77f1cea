#!/usr/bin/env bash
# Builds Clippings' packages with the `dist` profile (no debug info, stripped, thin LTO):
#   target/debian/clippings_<version>-1_<arch>.deb        (cargo-deb: cargo install cargo-deb)
#   target/dist/clippings-<version>-linux-<arch>.tar.gz   (binary, icon, menu entry, README)
# CARGO_TARGET_DIR is honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
arch="$(uname -m)"

cargo deb --locked --profile dist --output "$target/debian/"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
dir="$stage/clippings-$version"
mkdir -p "$dir"
cp "$target/dist/clippings" "$dir/"
cp packaging/clippings.desktop packaging/clippings.metainfo.xml assets/icons/clippings.svg README.md "$dir/"
cp assets/icons/clippings-256.png "$dir/clippings.png"
mkdir -p "$target/dist"
tar -czf "$target/dist/clippings-$version-linux-$arch.tar.gz" -C "$stage" "clippings-$version"
ls -l "$target"/debian/*.deb "$target/dist/clippings-$version-linux-$arch.tar.gz"
