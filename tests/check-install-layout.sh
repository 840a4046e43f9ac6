#!/bin/sh
# Installs the build into a temporary DESTDIR and checks that everything
# lands where GNOME (and Flatpak, with prefix /app) expects it: binary,
# settings schema, desktop file, metainfo, icons and translations, and
# nothing outside the prefix.
#
# Usage: check-install-layout.sh [--builddir=DIR | --tree=DIR] --srcdir=DIR
#          --prefix=/usr --bindir=bin --datadir=share --localedir=share/locale
#          --version=X.Y.Z
#   --builddir  meson-install that build into a temporary DESTDIR and check it
#   --tree      check a tree already installed, DIR being what PREFIX holds
#               (build-aux/flatpak-test passes the Flatpak's files/ for /app)
# bindir, datadir and localedir are relative to the prefix, as meson's options.
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
app_id=org.example.NhsDispute
builddir= tree= srcdir= prefix= bindir=bin datadir=share localedir=share/locale project_version=
for arg in "$@"; do
  case $arg in
    --builddir=*) builddir=${arg#*=} ;;
    --tree=*) tree=${arg#*=} ;;
    --srcdir=*) srcdir=${arg#*=} ;;
    --prefix=*) prefix=${arg#*=} ;;
    --bindir=*) bindir=${arg#*=} ;;
    --datadir=*) datadir=${arg#*=} ;;
    --localedir=*) localedir=${arg#*=} ;;
    --version=*) project_version=${arg#*=} ;;
    *) echo "check-install-layout.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
: "${srcdir:?--srcdir is needed}" "${prefix:?--prefix is needed}" "${project_version:?--version is needed}"

failures=0
ok () { echo "ok: $*"; }
bad () { echo "MISSING or WRONG: $*"; failures=$((failures + 1)); }

if [ -n "$builddir" ]; then
  tree=
  destdir=$(mktemp -d "${TMPDIR:-/tmp}/nhs-install-XXXXXX")
  trap 'rm -rf "$destdir"' EXIT
  DESTDIR= meson install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >/dev/null
  tree=$destdir$prefix
  # Nothing outside the prefix (no /etc, no absolute path escaping DESTDIR)
  outside=$(cd "$destdir" && find . -type f | sed 's|^\.||' | grep -v "^$prefix/" || true)
  if [ -n "$outside" ]; then bad "files outside $prefix: $outside"; else ok "everything under $prefix"; fi
fi
[ -d "$tree" ] || { echo "no installed tree at $tree"; exit 1; }

# Paths as the installed system sees them; checked inside $tree
expect_file () {
  if [ -f "$tree/$1" ] && [ -s "$tree/$1" ]; then ok "$prefix/$1"; else bad "$prefix/$1 ($2)"; fi
}

# The binary, and it runs
bin=$bindir/nhs-dispute
if [ -x "$tree/$bin" ]; then ok "$prefix/$bin"; else bad "$prefix/$bin (the program)"; fi
# (a Flatpak's binary runs only in its sandbox: build-aux/flatpak-test runs it there)
if [ -n "$builddir" ]; then
  version=$(env -u DISPLAY -u WAYLAND_DISPLAY "$tree/$bin" --version 2>&1 || true)
  case $version in
    *" $project_version") ok "nhs-dispute --version: $version" ;;
    *) bad "nhs-dispute --version printed: $version" ;;
  esac
fi

# Settings: the schema where GLib looks, and it compiles strictly there
schemas=$datadir/glib-2.0/schemas
expect_file "$schemas/$app_id.gschema.xml" "the settings schema"
if glib-compile-schemas --strict --dry-run "$tree/$schemas"; then ok "the installed schema compiles"; else bad "the installed schema does not compile"; fi

# Desktop file: valid, its Exec is the installed binary, its Icon installed
desktop=$datadir/applications/$app_id.desktop
expect_file "$desktop" "the desktop file"
if [ -f "$tree/$desktop" ]; then
  if command -v desktop-file-validate >/dev/null; then
    if desktop-file-validate "$tree/$desktop"; then ok "desktop file validates"; else bad "desktop file does not validate"; fi
  fi
  exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$tree/$desktop")
  if [ "$exec_bin" = nhs-dispute ]; then ok "Exec=$exec_bin"; else bad "Exec=$exec_bin is not nhs-dispute"; fi
  icon=$(sed -n 's/^Icon=//p' "$tree/$desktop")
  [ "$icon" = "$app_id" ] && ok "Icon=$icon" || bad "Icon=$icon is not $app_id"
fi

# The dataset's own file type: what the desktop file claims, defined where
# shared-mime-info looks, for files named *.nhs.json (never all of JSON)
mime=$datadir/mime/packages/$app_id.xml
expect_file "$mime" "the shared-mime-info package"
if [ -f "$tree/$desktop" ]; then
  claimed=$(sed -n 's/^MimeType=//p' "$tree/$desktop")
  [ "$claimed" = "application/x-nhs-dispute+json;" ] && ok "MimeType=$claimed" ||
    bad "MimeType=$claimed is not application/x-nhs-dispute+json; alone"
fi
if [ -f "$tree/$mime" ] && command -v update-mime-database >/dev/null; then
  mimedb=$(mktemp -d)
  mkdir -p "$mimedb/mime/packages"
  cp "$tree/$mime" "$mimedb/mime/packages/"
  if XDG_DATA_DIRS=$mimedb XDG_DATA_HOME=$mimedb update-mime-database "$mimedb/mime" 2>"$mimedb/err" && [ ! -s "$mimedb/err" ] &&
     grep -qx '60:application/x-nhs-dispute+json:\*.nhs.json' "$mimedb/mime/globs2" &&
     grep -qx 'application/x-nhs-dispute+json application/json' "$mimedb/mime/subclasses"; then
    ok "the file type reads: *.nhs.json is application/x-nhs-dispute+json, a kind of JSON"
  else
    bad "update-mime-database does not read $mime as a *.nhs.json type: $(cat "$mimedb/err")"
  fi
  rm -rf "$mimedb"
fi

# Metainfo: where AppStream looks, launching the desktop file above
metainfo=$datadir/metainfo/$app_id.metainfo.xml
if [ -n "$tree" ] && [ ! -e "$tree/$metainfo" ] && [ -f "$tree/$datadir/appdata/$app_id.appdata.xml" ]; then
  # flatpak-builder before 1.3 (Debian 12's) moves it to the older location
  metainfo=$datadir/appdata/$app_id.appdata.xml
fi
expect_file "$metainfo" "the AppStream metainfo"
if [ -f "$tree/$metainfo" ]; then
  if grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$tree/$metainfo"; then
    ok "metainfo launches $app_id.desktop"
  else
    bad "metainfo's launchable is not $app_id.desktop"
  fi
fi

# Icons in hicolor: scalable and symbolic, SVG only
icons=$datadir/icons/hicolor
expect_file "$icons/scalable/apps/$app_id.svg" "the app icon"
expect_file "$icons/symbolic/apps/$app_id-symbolic.svg" "the symbolic icon"
if find "$tree/$icons/scalable" -name '*.png' | grep -q .; then bad "PNG files in hicolor/scalable"; fi

# Translations: one catalogue per language in po/LINGUAS
for lang in $(sed 's/#.*//' "$srcdir/po/LINGUAS"); do
  expect_file "$localedir/$lang/LC_MESSAGES/nhs-dispute.mo" "the $lang translation"
done

echo "$(find "$tree" -type f | wc -l) files in the installed tree"
[ "$failures" -eq 0 ]
