/* nhs-export-dialog.c: Export Chart…
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A placeholder until the chart issue lands.
 */
#define G_LOG_DOMAIN "nhs-export-dialog"

#include "config.h"

#include "nhs-export-dialog.h"

void
nhs_export_dialog_present (GtkWindow      *parent,
                           NhsDataset     *dataset,
                           NhsEventFilter *filter,
                           NhsChartView   *view)
{
  g_message ("Export Chart is not implemented yet");
}
