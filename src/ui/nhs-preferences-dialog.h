/* nhs-preferences-dialog.h
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NHS_TYPE_PREFERENCES_DIALOG (nhs_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NhsPreferencesDialog, nhs_preferences_dialog, NHS, PREFERENCES_DIALOG, GtkWindow)

/* Colour scheme, reader font scale, export defaults: bound to @settings
 * (the app's schema), both ways */
GtkWidget *nhs_preferences_dialog_new     (GSettings *settings);

/* Opens the preferences over @parent (may be NULL), bound to the app's settings */
void       nhs_preferences_dialog_present (GtkWindow *parent);

G_END_DECLS
