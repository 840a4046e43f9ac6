#!/usr/bin/env python3
# Fails when a file of a layer includes a header of a layer it may not use
# (docs/architecture.md, "Layers"): core uses nothing of ours; the editable
# document uses core (and core never the document); the chart uses core; the
# import uses core and the document; the export (the chart's files and the briefing) uses the chart and core;
# the command line all five; only the window uses src/ui. GTK is included only under
# src/ui, libxml2 only under src/import. A header named in an include is
# found by its name among the layers' folders.
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1]) / 'src'
allowed = {
    'core': {'core'},
    'document': {'core', 'document'},
    'chart': {'core', 'chart'},
    'import': {'core', 'document', 'import'},
    'export': {'core', 'chart', 'export'},
    'cli': {'core', 'document', 'chart', 'import', 'export', 'cli'},
    'ui': {'core', 'document', 'chart', 'import', 'export', 'cli', 'ui'},
}
# generated at build time: nhs-enums.h is core's
owner = {'nhs-enums.h': 'core'}
for layer in allowed:
    for header in (src / layer).glob('*.h'):
        owner[header.name] = layer

include = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
problems = []
for layer, may_use in allowed.items():
    for path in sorted((src / layer).glob('*.[ch]')):
        for kind, name in include.findall(path.read_text(encoding='utf-8')):
            where = f'{path.relative_to(src.parent)}: #include {name}'
            if kind == '<':
                if name.startswith(('gtk/', 'gdk/')) and layer != 'ui':
                    problems.append(f'{where}: GTK below src/ui')
                if name.startswith('libxml/') and layer != 'import':
                    problems.append(f'{where}: libxml2 outside src/import')
                continue
            used = owner.get(pathlib.PurePath(name).name)
            if used is not None and used not in may_use:
                problems.append(f'{where}: {layer} may not use {used}')

for problem in problems:
    print(problem)
print(f'{len(problems)} problem(s) in {sum(1 for _ in src.glob("*/*.[ch]"))} files')
sys.exit(1 if problems else 0)
