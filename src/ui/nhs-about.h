/* nhs-about.h
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The About window: version, licence, website, credits, and where the
 * bundled data comes from (its news articles and reference sources) */
GtkWidget *nhs_about_new     (void);
void       nhs_about_present (GtkWindow *parent);

G_END_DECLS
