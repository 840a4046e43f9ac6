/* nhs-adaptive-bin.h: one of two children, by the width it is given
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NHS_TYPE_ADAPTIVE_BIN (nhs_adaptive_bin_get_type ())
G_DECLARE_FINAL_TYPE (NhsAdaptiveBin, nhs_adaptive_bin, NHS, ADAPTIVE_BIN, GtkWidget)

GtkWidget *nhs_adaptive_bin_new              (void);
void       nhs_adaptive_bin_set_wide_child   (NhsAdaptiveBin *self,
                                              GtkWidget      *child);
void       nhs_adaptive_bin_set_narrow_child (NhsAdaptiveBin *self,
                                              GtkWidget      *child);
/* Below this width (in pixels) the narrow child shows */
void       nhs_adaptive_bin_set_narrow_width (NhsAdaptiveBin *self,
                                              int             width);
/* Whether the narrow child shows; notified from the allocation, so a
 * handler that moves widgets must do it in an idle */
gboolean   nhs_adaptive_bin_get_narrow       (NhsAdaptiveBin *self);

/* Whether the width is below compact-width: notified as "narrow" is */
gboolean   nhs_adaptive_bin_get_compact      (NhsAdaptiveBin *self);

G_END_DECLS
