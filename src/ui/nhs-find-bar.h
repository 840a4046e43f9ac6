/* nhs-find-bar.h: find in a text view, with a count of the matches
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NHS_TYPE_FIND_BAR (nhs_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (NhsFindBar, nhs_find_bar, NHS, FIND_BAR, GtkWidget)

GtkWidget   *nhs_find_bar_new              (void);
/* The view whose text the bar searches: typing in it opens the bar, and
 * the matches are marked with two tags the bar adds to its buffer (after
 * the buffer's own tags, so they show over them) */
void         nhs_find_bar_set_view         (NhsFindBar    *self,
                                            GtkTextView   *view);
void         nhs_find_bar_set_match_colors (NhsFindBar    *self,
                                            const GdkRGBA *match,
                                            const GdkRGBA *current);
/* Shows the bar with its entry focused and its text selected */
void         nhs_find_bar_open             (NhsFindBar    *self);
gboolean     nhs_find_bar_is_open          (NhsFindBar    *self);
/* The next (1) or previous (-1) match, scrolled to; nothing without one */
void         nhs_find_bar_step             (NhsFindBar    *self,
                                            int            step);
/* The view's text changed: the matches are found again, without moving */
void         nhs_find_bar_update           (NhsFindBar    *self);

GtkEditable *nhs_find_bar_get_entry        (NhsFindBar    *self);
/* "2 of 7", "No matches", or empty */
GtkLabel    *nhs_find_bar_get_count_label  (NhsFindBar    *self);

G_END_DECLS
