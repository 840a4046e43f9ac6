#!/bin/sh
# Fails when a file with strings marked for translation is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
# Marked means: _() N_() C_() NC_() ngettext() in C, translatable="yes" in
# .ui files, and the desktop, metainfo and schema templates in data/.
# Then extracts the strings with xgettext, as the POT target does, and
# fails when a listed file yields none (a missing ITS rule, a wrong keyword).
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=${1:?usage: check-potfiles.sh SRCDIR}
cd "$srcdir"
potfiles=po/POTFILES.in

listed=$(mktemp)
marked=$(mktemp)
pot=$(mktemp)
trap 'rm -f "$listed" "$marked" "$pot"' EXIT

grep -v '^[[:space:]]*#' "$potfiles" | sed '/^[[:space:]]*$/d' | sort -u >"$listed"

{
  grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g?d?n?gettext|g_dpgettext2?|ngettext)[[:space:]]*\(' \
    --include='*.c' --include='*.h' src || true
  grep -rl 'translatable="yes"' --include='*.ui' data || true
  find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \)
} | sed 's|^\./||' | sort -u >"$marked"

status=0
missing=$(comm -13 "$listed" "$marked")
if [ -n "$missing" ]; then
  echo "These files have strings marked for translation but are not in $potfiles:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
while read -r file; do
  if [ ! -f "$file" ]; then
    echo "$potfiles names $file, which does not exist"
    status=1
  fi
done <"$listed"
[ "$status" -eq 0 ] || exit 1
echo "$potfiles lists all $(wc -l <"$marked") files with marked strings"

if ! command -v xgettext >/dev/null; then
  echo "xgettext is not installed (gettext): not checking the extraction"
  exit 0
fi
# the keywords of meson's i18n "glib" preset
xgettext --files-from="$potfiles" --directory=. --output="$pot" --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 || { echo "xgettext failed"; exit 1; }
while read -r file; do
  if ! grep -q "^#: .*$file:[0-9]" "$pot"; then
    echo "xgettext finds no string in $file"
    status=1
  fi
done <"$listed"
[ "$status" -eq 0 ] && echo "xgettext finds $(grep -c '^msgid ' "$pot") strings, some in every listed file"
exit "$status"
