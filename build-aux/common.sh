#!/usr/bin/env bash
# Shared by build-aux/run and build-aux/test: install what is missing, then
# configure and build. Sourced, not run.
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later

NHS_SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NHS_BUILDDIR=${NHS_BUILDDIR:-$NHS_SRCDIR/_build}

# What building and running need (Debian 12 package names)
NHS_BUILD_PACKAGES=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libgtk-4-dev libgtk-4-bin
  libcairo2-dev libpango1.0-dev libpng-dev libxml2-dev
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  desktop-file-utils appstream libxml2-utils
)
# What the tests add: a display, an accessibility bus, screenshots, memory checks
NHS_TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 at-spi2-core xdotool locales
  python3 python3-gi python3-pyatspi gir1.2-atspi-2.0
  imagemagick valgrind
  poppler-utils tidy
)
# What the fuzzers and the sanitizer builds add: clang with libFuzzer
NHS_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

nhs_log () { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the packages that are not installed yet (apt-get, as root or
# through sudo); does nothing when all are there.
nhs_ensure_packages () {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo); else
      nhs_log "These Debian packages are missing and you are not root: ${missing[*]}"
      nhs_log "Install them with: apt-get install ${missing[*]}"
      return 1
    fi
  fi
  nhs_log "Installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" || return 1
}

# Configures $1 (default $NHS_BUILDDIR) once, with any further meson
# options.
nhs_configure () {
  local builddir=${1:-$NHS_BUILDDIR}
  shift || true
  if [ ! -f "$builddir/build.ninja" ]; then
    nhs_log "Configuring $builddir"
    meson setup "$builddir" "$NHS_SRCDIR" "$@" >"${builddir%/}.setup.log" 2>&1 || {
      cat "${builddir%/}.setup.log" >&2; return 1; }
  fi
}

# Configures (once) and builds into $1 (default $NHS_BUILDDIR) with any
# further meson options.
nhs_build () {
  local builddir=${1:-$NHS_BUILDDIR}
  shift || true
  nhs_configure "$builddir" "$@" || return 1
  nhs_log "Building $builddir"
  ninja -C "$builddir"
}
