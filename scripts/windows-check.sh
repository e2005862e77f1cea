#!/usr/bin/env bash
# Checks the Windows build under Wine (Debian's wine64), as .ci/run does after
# scripts/windows.sh: the command line on an archive and an export under paths with spaces
# and Cyrillic letters, titles Windows forbids as file names; the installer, silent and per
# user, with its Start-menu entry, "Open with" and uninstall entry; the installed window
# started under Xvfb (its screenshot is left in target/windows/wine-window.xwd, and .png where
# ImageMagick is); the uninstaller.
# Wine 8 lacks ProcessPrng, which Rust's standard library asks for: a shim DLL built here from
# packaging/windows/wine/processprng.c is put beside the .exe (never shipped).
set -euo pipefail
cd "$(dirname "$0")/.."
target="$(realpath "${CARGO_TARGET_DIR:-target}")"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
built="$target/x86_64-pc-windows-gnu/dist"
wine=/usr/lib/wine/wine64
work="$(mktemp -d)"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml="
xvfb=""
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  /usr/lib/wine/wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "windows check: $*"
  exit 1
}

# An X server from the start: Wine's processes (its server among them) take the display
# they are started with.
Xvfb -displayfd 3 -ac -nolisten tcp -screen 0 1280x800x24 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 1 60); do
  [ -s "$work/display" ] && break
  sleep 0.5
done
export DISPLAY=":$(head -n1 "$work/display")"
x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" packaging/windows/wine/processprng.c -ladvapi32
mkdir -p "$work/bin"
cp "$built/clippings.exe" "$work/bcryptprimitives.dll" "$work/bin/"
run() { timeout 300 "$wine" "$work/bin/clippings.exe" "$@"; }
# Both programs carry their icon and version (build.rs): a resource section with both.
for exe in clippings.exe clippings-window.exe; do
  x86_64-w64-mingw32-objdump -h "$built/$exe" | grep -q '\.rsrc' || fail "$exe has no resources (icon, version)"
  python3 - "$built/$exe" "$version" packaging/windows/clippings.ico <<'PY' || fail "$exe: no icon or version in its resources"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert "ProductVersion".encode("utf-16-le") in data and sys.argv[2].encode("utf-16-le") in data, "no version"
# Every picture of the icon file is in the program, byte for byte.
ico = open(sys.argv[3], "rb").read()
for i in range(struct.unpack("<H", ico[4:6])[0]):
    size, offset = struct.unpack("<II", ico[14 + 16 * i : 22 + 16 * i])
    assert ico[offset : offset + size] in data, f"picture {i} of the icon is missing"
PY
done
grep -q "clippings $version" <<<"$(run --version)" || fail "clippings.exe --version"

# The command line, with Windows paths.
mkdir -p "$work/in"
printf 'Переговоры в Брюсселе\n\nКазахстан и Бельгия обсудили Средний коридор.\n' >"$work/in/статья 1.txt"
i=0
for title in CON nul.txt Report. 'a:b' 'x|y' "$(printf 'L%.0s' $(seq 1 300))"; do
  i=$((i + 1))
  printf '%s\n\nA clipping titled so.\n' "$title" >"$work/in/t$i.txt"
done
archive='C:\users\Public\Мой архив'
export_dir='C:\users\Public\Экспорт папка'
imported="$(run --archive "$archive" import "Z:${work//\//\\}\\in" 2>&1)"
grep -q "7 imported, 0 duplicates, 0 failed" <<<"$imported" || fail "the import: $imported"
found="$(run --archive "$archive" list --query коридор)"
grep -q "Переговоры в Брюсселе" <<<"$found" || fail "a Cyrillic search found: $found"
exported="$(run --archive "$archive" export --query '' "$export_dir" 2>&1)"
grep -q "7 clippings exported" <<<"$exported" || fail "the export: $exported"
out="$WINEPREFIX/drive_c/users/Public/Экспорт папка"
for name in _CON.txt _nul.txt.txt Report.txt 'a b.txt' 'x y.txt' 'Переговоры в Брюсселе.txt'; do
  [ -f "$out/$name" ] || fail "no exported $name in: $(ls "$out")"
done
longest="$(ls "$out" | awk '{ print length }' | sort -n | tail -n1)"
[ "$longest" -le 130 ] || fail "an exported name of $longest characters"
[ "$(ls "$out" | wc -l)" -eq 16 ] || fail "export wrote $(ls "$out" | wc -l) files: $(ls "$out")"

# With no --archive, the archive is made in %LOCALAPPDATA%, out of a roaming profile.
run import "Z:${work//\//\\}\\in\\статья 1.txt" >/dev/null 2>&1 || fail "an import into the default archive"
[ -d "$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local/Clippings/data" ] ||
  fail "the default archive is not in %LOCALAPPDATA%: $(find "$WINEPREFIX/drive_c/users" -maxdepth 4 -name Clippings)"

# The installer: silent, per user.
setup="$target/windows/clippings-$version-setup.exe"
timeout 300 "$wine" "$setup" /S
installed="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local/Programs/Clippings"
for f in clippings.exe clippings-window.exe clippings.ico uninstall.exe; do
  [ -f "$installed/$f" ] || fail "not installed: $f"
done
[ -n "$(find "$WINEPREFIX/drive_c/users" -name Clippings.lnk)" ] || fail "no Start-menu entry"
timeout 60 "$wine" reg query 'HKCU\Software\Classes\.pdf\OpenWithList\clippings-window.exe' >/dev/null ||
  fail "no Open with for .pdf"
timeout 60 "$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Clippings' >/dev/null ||
  fail "no uninstall entry"

# The installed window, under Xvfb.
cp "$work/bcryptprimitives.dll" "$installed/"
timeout 120 "$wine" "$installed/clippings-window.exe" --archive "$archive" >"$work/window.log" 2>&1 &
window=""
for _ in $(seq 1 90); do
  if xdotool search --name '^Clippings$' >/dev/null 2>&1; then
    window=yes
    break
  fi
  sleep 1
done
[ -n "$window" ] || fail "the installed window did not show: $(cat "$work/window.log")"
sleep 5
xwd -root -silent >"$target/windows/wine-window.xwd" || fail "no screenshot of the window"
if command -v convert >/dev/null; then convert "$target/windows/wine-window.xwd" "$target/windows/wine-window.png"; fi
/usr/lib/wine/wineserver -k 2>/dev/null || true

# The uninstaller takes all but the user's archive away.
rm -f "$installed/bcryptprimitives.dll"
timeout 300 "$wine" "$installed/uninstall.exe" /S _?="$(echo "C:\\users\\$(whoami)\\AppData\\Local\\Programs\\Clippings")"
[ ! -f "$installed/clippings.exe" ] || fail "uninstall left clippings.exe"
[ -d "$WINEPREFIX/drive_c/users/Public/Мой архив" ] || fail "uninstall took the archive"
echo "windows check: the command line, the installer, the window and the uninstaller work under Wine"
