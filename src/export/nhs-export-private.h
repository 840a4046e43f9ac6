/* nhs-export-private.h: what the chart's files and the briefing share
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A cairo write function appending to the GByteArray in closure */
cairo_status_t   _nhs_export_append_cb        (void                *closure,
                                               const unsigned char *data,
                                               unsigned int         length);
/* A PDF written into out, its title, creator and dates set: date from the
 * data, never the clock, so the file is reproducible */
cairo_surface_t *_nhs_export_pdf_surface_new  (GByteArray *out,
                                               double      width_pt,
                                               double      height_pt,
                                               const char *title,
                                               GDateTime  *date);
/* FALSE, with the message nhs_write_file_atomic() would give, when path is
 * a folder: asked before any other check of the name */
gboolean         _nhs_export_check_not_folder (const char *path,
                                               GError    **error);

G_END_DECLS
