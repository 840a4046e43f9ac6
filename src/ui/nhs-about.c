/* nhs-about.c
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A placeholder until the GNOME integration issue lands.
 */
#define G_LOG_DOMAIN "nhs-about"

#include "config.h"

#include "nhs-about.h"

void
nhs_about_present (GtkWindow *parent)
{
  g_message ("About is not implemented yet");
}
