#!/usr/bin/env bash
# Builds Clippings for Windows from Linux (target x86_64-pc-windows-gnu, Debian's mingw-w64),
# with the `dist` profile:
#   target/x86_64-pc-windows-gnu/dist/clippings.exe           the command line
#   target/x86_64-pc-windows-gnu/dist/clippings-window.exe    the window, without a console
#   target/windows/clippings-<version>-windows-x86_64.zip      portable: unzip and run
#   target/windows/clippings-<version>-setup.exe               installer (NSIS), per user
# Needs: rustup target add x86_64-pc-windows-gnu; apt install gcc-mingw-w64-x86-64 nsis zip.
# CARGO_TARGET_DIR is honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
triple=x86_64-pc-windows-gnu
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"

cargo build --locked --profile dist --target "$triple" --features window-exe --bins
built="$target/$triple/dist"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
dir="$stage/Clippings-$version"
mkdir -p "$dir"
cp "$built/clippings.exe" "$built/clippings-window.exe" "$dir/"
cp packaging/windows/clippings.ico README.md "$dir/"
out="$target/windows"
mkdir -p "$out"
out="$(realpath "$out")"
zip_file="$out/clippings-$version-windows-x86_64.zip"
rm -f "$zip_file"
(cd "$stage" && zip -qr -9 "$zip_file" "Clippings-$version")
setup="$out/clippings-$version-setup.exe"
makensis -V2 -DVERSION="$version" -DSTAGE="$dir" -DOUTFILE="$setup" packaging/windows/clippings.nsi
ls -l "$zip_file" "$setup"
