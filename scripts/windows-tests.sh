#!/usr/bin/env bash
# Runs the Windows build's tests under Wine (Debian's wine64), as .ci/run does: the core's unit
# tests, the archive's and the command line's tests, and tests/windows.rs (files held open by
# another program, paths over 260 characters, Credential Manager), all as Windows sees them.
# The tests that start Debian's servers (PostgreSQL, Dovecot) or programs (tesseract, pdftoppm)
# stay with the Linux run.
# Wine 8 lacks ProcessPrng, which Rust's standard library asks for: the runner puts a shim DLL
# built from packaging/windows/wine/processprng.c beside each test program (never shipped).
# The prefix's Fonts folder gets what a Windows system has there: a body font with Cyrillic and
# Kazakh (Wine's Tahoma, fonts-wine) and a CJK font (WenQuanYi Micro Hei, fonts-wqy-microhei).
# Needs: rustup target add x86_64-pc-windows-gnu; apt install gcc-mingw-w64-x86-64 wine64
# fonts-wine fonts-wqy-microhei. CARGO_TARGET_DIR is honoured; arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
triple=x86_64-pc-windows-gnu
work="$(mktemp -d)"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml="
# No X server: the tests open no window, and Wine runs console programs without one.
unset DISPLAY WAYLAND_DISPLAY
cleanup() {
  /usr/lib/wine/wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" packaging/windows/wine/processprng.c -ladvapi32
cat >"$work/runner" <<RUNNER
#!/bin/sh
# cargo's runner for $triple: the shim beside the test program and beside the programs it
# starts (target/…/debug/clippings.exe), then Wine.
dir="\$(dirname "\$1")"
cp -u "$work/bcryptprimitives.dll" "\$dir/" 2>/dev/null || true
[ "\$(basename "\$dir")" = deps ] && cp -u "$work/bcryptprimitives.dll" "\$dir/../" 2>/dev/null || true
exec /usr/lib/wine/wine64 "\$@"
RUNNER
chmod +x "$work/runner"

timeout 300 /usr/lib/wine/wine64 wineboot --init >/dev/null 2>&1
fonts="$WINEPREFIX/drive_c/windows/Fonts"
mkdir -p "$fonts"
cp /usr/share/wine/fonts/tahoma.ttf /usr/share/wine/fonts/tahomabd.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$fonts/"

export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$work/runner"
timeout 2400 cargo test --locked --target "$triple" --lib --test archive --test cli --test windows "$@"
