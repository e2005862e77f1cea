#!/usr/bin/env bash
# Renders assets/icons/clippings.svg to the PNG sizes a desktop and the window want
# (needs rsvg-convert: apt-get install librsvg2-bin). The PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" clippings.svg -o "clippings-$size.png"
done
