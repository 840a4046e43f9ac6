/* nhs-png-writer.h: a cairo image surface as PNG bytes
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One text chunk: tEXt when the text fits Latin-1, else iTXt (UTF-8) */
typedef struct
{
  const char *keyword;
  const char *text;
} NhsPngText;

GBytes *nhs_png_encode   (cairo_surface_t  *surface,
                          const NhsPngText *texts,
                          gsize             n_texts,
                          GError          **error);

/* A text chunk carries at most this many characters of its text (a chart's
 * title is shown whole in the image; the chunk only names it), then "…" */
#define NHS_PNG_TEXT_MAX_CHARS 1000

G_END_DECLS
