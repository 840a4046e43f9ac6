/* nhs-chart-export.c: the chart as a PNG, SVG or PDF file
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-export"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-chart-export.h"

void
nhs_chart_export_options_init (NhsChartExportOptions *options)
{
  *options = (NhsChartExportOptions) {
    .width = 1600,
    .height = 900,
    .scale = 1,
    .background = NHS_CHART_BACKGROUND_LIGHT,
    .show_title = TRUE,
    .show_legend = TRUE,
    .show_source = TRUE,
  };
}

gboolean
nhs_chart_export_file (NhsDataset                  *dataset,
                       NhsEventFilter              *filter,
                       const NhsChartExportOptions *options,
                       const char                  *path,
                       GError                     **error)
{
  /* replaced by the chart renderer (issue 5) */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Chart export is not available yet"));
  return FALSE;
}
