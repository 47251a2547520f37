#!/usr/bin/env bash
# Draws the Inkling icon with ImageMagick and writes every size the installers want:
#   icons/inkling-<N>.png (16..1024, Linux/hicolor and the source of the others),
#   icons/inkling.ico (Windows, 16..256), icons/inkling.icns (macOS, written by make-icns.py).
# The outputs are committed, so building an installer needs neither ImageMagick nor Python.
# Run it again only when the drawing changes: bash packaging/make-icons.sh
set -euo pipefail
cd "$(dirname "$0")/icons"
convert=/usr/bin/convert
[ -x "$convert" ] || convert="$(command -v convert)"

# A rounded square of blue-black ink, a hand-written "2" in white with round caps, and a small
# two-layer network (3 inputs -> 2 outputs) beside it. Drawn at 1024 px and scaled down.
draw_master() { # $1 = output, $2 = "full" or "small" (no network and a bolder digit for <= 32 px)
  local width=92 net=""
  [ "$2" = small ] && width=130
  if [ "$2" = full ]; then
    net="stroke #9fd8ff stroke-width 14 fill none
         line 730,430 870,500 line 730,430 870,640 line 730,570 870,500
         line 730,570 870,640 line 730,710 870,500 line 730,710 870,640
         stroke #ffffff stroke-width 10 fill #5fb4ff
         circle 730,430 768,430 circle 730,570 768,570 circle 730,710 768,710
         fill #ffd166 circle 870,500 910,500 circle 870,640 910,640"
  fi
  # One MVG string per element: separate -draw options lose the "fill none" and close the path.
  "$convert" -size 1024x1024 gradient:'#3d5afe'-'#1a237e' \
    \( -size 1024x1024 xc:none -fill white -draw 'roundrectangle 40,40 983,983 210,210' \) \
    -alpha set -compose DstIn -composite -compose Over \
    -draw "fill none stroke #ffffff stroke-width $width stroke-linecap round stroke-linejoin round
           path 'M 196,372 C 214,208 550,182 568,366 C 580,498 384,628 210,800 C 344,786 484,790 600,778'" \
    ${net:+-draw "$net"} \
    -depth 8 -strip "$1"
}

draw_master master-full.png full
draw_master master-small.png small
for n in 16 24 32; do "$convert" master-small.png -filter Lanczos -resize ${n}x${n} -depth 8 -strip "inkling-$n.png"; done
for n in 48 64 128 256 512 1024; do "$convert" master-full.png -filter Lanczos -resize ${n}x${n} -depth 8 -strip "inkling-$n.png"; done
rm -f master-full.png master-small.png
"$convert" inkling-16.png inkling-24.png inkling-32.png inkling-48.png inkling-64.png inkling-128.png inkling-256.png inkling.ico
python3 ../make-icns.py inkling.icns inkling-16.png inkling-32.png inkling-64.png inkling-128.png inkling-256.png inkling-512.png inkling-1024.png
# jpackage takes one PNG on Linux: the 512 px one is what the menu and dock scale from.
cp inkling-512.png inkling.png
ls -l
