/* nhs-text-cell.h: one line of plain text in a list cell
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NHS_TYPE_TEXT_CELL (nhs_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (NhsTextCell, nhs_text_cell, NHS, TEXT_CELL, GtkWidget)

GtkWidget  *nhs_text_cell_new      (float        xalign,
                                    guint        min_chars,
                                    guint        nat_chars,
                                    gboolean     numeric);
void        nhs_text_cell_set_text (NhsTextCell *self,
                                    const char  *text);
const char *nhs_text_cell_get_text (NhsTextCell *self);

G_END_DECLS
