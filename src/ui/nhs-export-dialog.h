/* nhs-export-dialog.h: Export Chart…
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-chart-view.h"

G_BEGIN_DECLS

/* Asks for size, scale, background and parts, then a file; exports exactly
 * what the chart view shows. Errors are shown in plain words. */
void nhs_export_dialog_present (GtkWindow      *parent,
                                NhsDataset     *dataset,
                                NhsEventFilter *filter,
                                NhsChartView   *view);

G_END_DECLS
