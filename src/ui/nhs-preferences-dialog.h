/* nhs-preferences-dialog.h
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Colour scheme, reader font scale, export defaults: bound to GSettings */
void nhs_preferences_dialog_present (GtkWindow *parent);

G_END_DECLS
