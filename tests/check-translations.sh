#!/bin/sh
# Fails when a translation in po/ leaves a message of the sources
# untranslated or fuzzy. Extracts the strings as the POT target does (the
# keywords of meson's i18n "glib" preset), merges every po/LL.po with them
# without fuzzy matching (a new or changed message is then untranslated,
# not guessed), and lists each untranslated or fuzzy message with where it
# comes from. Also runs msgfmt --check (format strings, plural forms).
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
srcdir=${1:?usage: check-translations.sh SRCDIR}
cd "$srcdir"

for tool in xgettext msgmerge msgattrib msgfmt; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (gettext)"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

xgettext --files-from=po/POTFILES.in --directory=. --output="$work/all.pot" --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 || { echo "xgettext failed"; exit 1; }
total=$(grep -c '^msgid ' "$work/all.pot")
total=$((total - 1))

status=0
for lang in $(sed 's/#.*//' po/LINGUAS); do
  po=po/$lang.po
  if [ ! -f "$po" ]; then
    echo "po/LINGUAS names $lang, but $po does not exist"
    status=1
    continue
  fi
  if ! msgfmt --check --output-file=/dev/null "$po"; then
    echo "$po: msgfmt --check fails"
    status=1
  fi
  msgmerge --quiet --no-fuzzy-matching --output-file="$work/$lang.po" "$po" "$work/all.pot"
  # "N translated messages, N fuzzy translations, N untranslated messages."
  stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$work/$lang.po" 2>&1)
  fuzzy=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p')
  untranslated=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p')
  fuzzy=${fuzzy:-0}
  untranslated=${untranslated:-0}
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "$po: $untranslated untranslated and $fuzzy fuzzy of $total messages:"
    for kind in untranslated only-fuzzy; do
      msgattrib --$kind --no-obsolete --no-wrap "$work/$lang.po" |
        awk -v kind="${kind#only-}" '/^#: /{where=$0} /^msgid "./ && $0 != "msgid \"\""{print "  " kind ": " substr($0, 7) "  (" substr(where, 4) ")"}'
    done
    status=1
  else
    echo "$po: all $total messages translated, none fuzzy"
  fi
done
exit "$status"
