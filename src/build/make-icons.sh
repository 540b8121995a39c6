#!/bin/sh
# Exports the app's icon (src/main/resources/org/backproplab/ui/icon/backprop-lab.svg) as the PNGs
# committed beside it: the window's icons (AppIcon), the menu entry's and the installers'. Run it
# again after changing the SVG; the build itself does not, so it needs no SVG tools.
#
# needs: rsvg-convert (Debian/Ubuntu: apt install librsvg2-bin)
# usage: sh src/build/make-icons.sh
set -e
dir=$(dirname "$0")/../main/resources/org/backproplab/ui/icon
for size in 16 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" "$dir/backprop-lab.svg" -o "$dir/backprop-lab-$size.png"
done
