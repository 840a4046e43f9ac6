/* nhs-json-locate.h: find where a JSON path stands in the text
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Walks well-formed JSON text to the value that path ("$.events[3].start")
 * names and returns its 1-based line and column (in characters). Where a
 * member is missing, the location of the enclosing object is returned.
 * FALSE when the text cannot be followed that far. Never reads past len. */
gboolean nhs_json_locate (const char *text,
                          gsize       len,
                          const char *path,
                          int        *line,
                          int        *column);

/* Line and column (1-based) of a byte offset */
void     nhs_text_offset_to_line_column (const char *text,
                                         gsize       offset,
                                         int        *line,
                                         int        *column);

G_END_DECLS
