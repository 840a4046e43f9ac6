/* nhs-preferences-dialog.c
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A placeholder until the GNOME integration issue lands.
 */
#define G_LOG_DOMAIN "nhs-preferences-dialog"

#include "config.h"

#include "nhs-preferences-dialog.h"

void
nhs_preferences_dialog_present (GtkWindow *parent)
{
  g_message ("Preferences are not implemented yet");
}
