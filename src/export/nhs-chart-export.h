/* nhs-chart-export.h: the chart as a PNG, SVG or PDF file
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-chart-model.h"
#include "nhs-chart-renderer.h"
#include "nhs-dataset.h"
#include "nhs-event-filter.h"

G_BEGIN_DECLS

typedef enum {
  NHS_CHART_BACKGROUND_LIGHT,
  NHS_CHART_BACKGROUND_DARK,
  NHS_CHART_BACKGROUND_TRANSPARENT,
} NhsChartBackground;

typedef enum {
  NHS_CHART_FORMAT_PNG,
  NHS_CHART_FORMAT_SVG,
  NHS_CHART_FORMAT_PDF,
} NhsChartFormat;

typedef struct
{
  int                width;          /* logical pixels */
  int                height;
  int                scale;          /* 1 or 2: pixels per logical pixel in a PNG */
  NhsChartBackground background;
  gboolean           show_title;
  gboolean           show_legend;
  gboolean           show_source;
  /* the time range shown, UTC microseconds; 0 and 0: the data's extent */
  gint64             from_us;
  gint64             to_us;
  /* what the chart view shows */
  NhsChartMode       mode;
  gboolean           show_cumulative;
  gboolean           show_pay;
} NhsChartExportOptions;

void     nhs_chart_export_options_init (NhsChartExportOptions *options);

/* The renderer's style for these options: colours for the background, the
 * parts to show, and a text size that suits the picture's size */
void     nhs_chart_export_options_to_style (const NhsChartExportOptions *options,
                                            NhsChartStyle               *style);

/* The format a file name asks for by its extension, in any case; FALSE for
 * any other */
gboolean nhs_chart_format_for_path     (const char     *path,
                                        NhsChartFormat *format);

/* The picture as the bytes of a file */
GBytes  *nhs_chart_export_to_bytes     (NhsChartModel               *model,
                                        const NhsChartExportOptions *options,
                                        NhsChartFormat               format,
                                        GError                     **error);

/* Renders the chart of the dataset, as the filter leaves it, to path; the
 * format follows the extension (.png, .svg, .pdf). Atomic: on failure there
 * is no file, and an existing one is left as it was. */
gboolean nhs_chart_export_file (NhsDataset                  *dataset,
                                NhsEventFilter              *filter,
                                const NhsChartExportOptions *options,
                                const char                  *path,
                                GError                     **error);

G_END_DECLS
