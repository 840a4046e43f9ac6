/* nhs-about.h
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The About window: version, licence, website, credits, data sources */
void nhs_about_present (GtkWindow *parent);

G_END_DECLS
