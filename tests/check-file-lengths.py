#!/usr/bin/env python3
# Fails when a source file under src/ is longer than 1,500 lines: a file
# that grows past it is split by what its parts do (docs/architecture.md).
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import sys

LIMIT = 1500

src = pathlib.Path(sys.argv[1]) / 'src'
files = sorted(src.glob('**/*.[ch]'))
long = [(p, n) for p in files if (n := len(p.read_text(encoding='utf-8').splitlines())) > LIMIT]
for path, n in long:
    print(f'{path.relative_to(src.parent)}: {n} lines, more than {LIMIT}')
print(f'{len(long)} file(s) over {LIMIT} lines of {len(files)}')
sys.exit(1 if long else 0)
