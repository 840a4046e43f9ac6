/* nhs-extract-output.h: an imported article and its candidates as JSON or
 * a text table (nhs-dispute --extract)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nhs-article-import.h"

G_BEGIN_DECLS

/* {"article": {"title", "publisher", "published", "url", "paragraphs"},
 *  "candidates": [...]}: see README.md */
void nhs_write_extraction_json  (GString                  *out,
                                 const NhsImportedArticle *article,
                                 GPtrArray                *candidates);
void nhs_write_extraction_table (GString                  *out,
                                 const NhsImportedArticle *article,
                                 GPtrArray                *candidates);

G_END_DECLS
