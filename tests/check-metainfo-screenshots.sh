#!/bin/sh
# The metainfo's screenshots are of the real app: every
# https://example.org/nhs-dispute/screenshots/NAME it names must be
# docs/screenshots/NAME in the repository (published at that address), a PNG
# at least 620 pixels wide as Flathub asks. Skips while docs/screenshots/
# does not exist yet; fails once it does and a file is missing.
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=${1:?usage: check-metainfo-screenshots.sh SRCDIR}
metainfo=$srcdir/data/org.example.NhsDispute.metainfo.xml.in
base=https://example.org/nhs-dispute/screenshots/

images=$(sed -n 's|.*<image[^>]*>\(.*\)</image>.*|\1|p' "$metainfo")
[ -n "$images" ] || { echo "the metainfo has no screenshot"; exit 1; }
if [ ! -d "$srcdir/docs/screenshots" ]; then
  echo "SKIP: docs/screenshots/ does not exist yet; the metainfo names:"
  echo "$images"
  exit 77
fi

status=0
for url in $images; do
  case $url in
    "$base"*) ;;
    *) echo "$url is not under $base"; status=1; continue ;;
  esac
  file=$srcdir/docs/screenshots/${url#"$base"}
  size=$(python3 - "$file" <<'PY'
import struct, sys
try:
    data = open(sys.argv[1], "rb").read(24)
except OSError:
    print("missing"); sys.exit()
if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
    print("not a PNG")
else:
    print("%dx%d" % struct.unpack(">II", data[16:24]))
PY
)
  case $size in
    missing|"not a PNG") echo "$file: $size"; status=1 ;;
    *) width=${size%x*}
       if [ "$width" -lt 620 ]; then echo "$file is $size, narrower than 620"; status=1
       else echo "ok: $file ($size)"; fi ;;
  esac
done
exit "$status"
