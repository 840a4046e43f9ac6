/* nhs-focus.h: keyboard focus helpers for GTK 4.8's list views
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Moves the focus to the next (or previous) widget of the window that is
 * not inside @widget, wrapping round at the end as Tab does */
void     nhs_focus_leave                (GtkWidget        *widget,
                                         GtkDirectionType  direction);
/* TRUE for Tab and Shift+Tab (no Ctrl, no Alt); @backward says which */
gboolean nhs_focus_is_tab               (guint             keyval,
                                         GdkModifierType   state,
                                         gboolean         *backward);
/* Makes a list view one Tab stop: Tab and Shift+Tab leave it rather than
 * step through its rows (arrows move between the rows). GTK 4.12 has
 * gtk_list_view_set_tab_behavior () for this. */
void     nhs_focus_list_one_tab_stop    (GtkWidget        *list_view);
/* GTK 4.8 names a drop-down's button and an empty label by their type
 * names ("GtkToggleButton", "GtkLabel") for screen readers: the first
 * names the button, the second keeps the label hidden while it is empty */
void     nhs_a11y_name_drop_down        (GtkDropDown      *drop_down,
                                         const char       *name);
void     nhs_a11y_hide_when_empty       (GtkLabel         *label);

G_END_DECLS
