#!/usr/bin/env python3
# Writes the settings schema with the choices of the "filter-kinds" key
# taken from the table of event kinds (src/core/nhs-event-kinds.h): "all",
# then each kind menu entry in the order the table first names it.
#
#   gen-schema-kinds.py TABLE SCHEMA-IN SCHEMA-OUT
#
# Copyright 2026 The NHS Dispute Explorer authors
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import sys

table, schema_in, schema_out = sys.argv[1:4]
row = re.compile(r'^\s*X \((\w+),\s*"([^"]+)",\s*NC_\("[^"]*", "[^"]*"\),\s*"[^"]*",\s*(NULL|"([^"]+)")')
entries = []
for line in open(table, encoding='utf-8'):
    m = row.match(line)
    if m and m.group(4) and m.group(4) not in entries:
        entries.append(m.group(4))
if not entries:
    sys.exit(f'{table}: no kinds found')

text = open(schema_in, encoding='utf-8').read()
marker = '<choice value="all"/>'
if text.count(marker) != 1:
    sys.exit(f'{schema_in}: expected one {marker}')
indent = text[text.rindex('\n', 0, text.index(marker)) + 1:text.index(marker)]
choices = marker + ''.join(f'\n{indent}<choice value="{e}"/>' for e in entries)
open(schema_out, 'w', encoding='utf-8').write(text.replace(marker, choices))
