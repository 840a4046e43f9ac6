#!/bin/sh
# test-valgrind.sh: the command line's commands on the bundled dataset
# under valgrind's memcheck. Fails on any memory error and on any
# definitely-lost block; skipped (exit 77) where valgrind is not installed.
#
#   test-valgrind.sh DATASET   (NHS_DISPUTE_BIN names the program)
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later

dataset=$1
bin=${NHS_DISPUTE_BIN:?NHS_DISPUTE_BIN names the program}

if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind is not installed: skipped"
  exit 77
fi

# GLib's slice allocator and caches would hide or fake leaks
export G_SLICE=always-malloc G_DEBUG=gc-friendly

status=0
run () {
  log=$(mktemp)
  if valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite \
       --suppressions="$(dirname "$0")/valgrind.supp" \
       --show-leak-kinds=definite --error-exitcode=99 --log-file="$log" \
       "$bin" "$@" >/dev/null 2>&1; then
    echo "ok: $*"
  else
    echo "FAILED: $* (valgrind reports below, or the command itself failed)"
    cat "$log"
    status=1
  fi
  rm -f "$log"
}

run --list-events --format=json
run --summary
run --check-dataset "$dataset"
# an article: a web page parsed by libxml2, its candidates matched
if [ -n "${G_TEST_SRCDIR:-}" ]; then
  run --extract="$G_TEST_SRCDIR/data/import/article.html" --format=json
fi
exit $status
