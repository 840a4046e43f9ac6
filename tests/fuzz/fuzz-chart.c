/* fuzz-chart.c: libFuzzer target for the chart model and the export
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bytes that load as a dataset become the chart: the model (lanes, months,
 * markers, pay steps and points, the extent, the keyboard's order, the
 * summary a screen reader hears) and the picture, drawn in memory as a
 * PNG and an SVG with every text the renderer lays out (title, legend,
 * lanes, axis, source line). The last byte picks the mode, the parts
 * shown and a range cut from the data's own dates. Long titles, many
 * groups, dates at the ends of the years the loader takes: every GLib
 * critical aborts (fuzz-common.h), and the model's invariants hold.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "nhs-chart-export.h"
#include "nhs-chart-model.h"
#include "nhs-dataset-loader.h"

static void
walk_model (NhsChartModel *model)
{
  GArray *stacks = nhs_chart_model_get_month_stacks (model);
  GArray *markers = nhs_chart_model_get_markers (model);
  GArray *steps = nhs_chart_model_get_steps (model);
  guint n_lanes = nhs_chart_model_get_n_lanes (model);
  guint n_nav = nhs_chart_model_get_n_navigable (model);
  g_autofree char *summary = nhs_chart_model_dup_summary (model);
  gint64 from_us, to_us;

  nhs_chart_model_get_extent (model, &from_us, &to_us);
  fuzz_assert (from_us < to_us);
  fuzz_assert (summary != NULL && g_utf8_validate (summary, -1, NULL));
  fuzz_assert (nhs_chart_model_get_n_visible_lanes (model) <= n_lanes);

  for (guint i = 0; i < stacks->len; i++)
    {
      NhsChartMonthStack *m = &g_array_index (stacks, NhsChartMonthStack, i);
      guint sum = 0;

      fuzz_assert (m->month >= 1 && m->month <= 12);
      fuzz_assert (m->start_us < m->end_us);
      if (i > 0)
        fuzz_assert (g_array_index (stacks, NhsChartMonthStack, i - 1).end_us <= m->start_us);
      for (guint l = 0; l < n_lanes; l++)
        sum += m->days[l];
      fuzz_assert (sum == m->total);
      fuzz_assert (m->total <= nhs_chart_model_get_max_month_total (model));
    }
  for (guint i = 1; i < markers->len; i++)
    fuzz_assert (g_array_index (markers, NhsChartMarker, i - 1).start_us <= g_array_index (markers, NhsChartMarker, i).start_us);
  for (guint i = 0; i < steps->len; i++)
    {
      NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      fuzz_assert (s->lane >= 0 && (guint) s->lane < n_lanes && s->start_us < s->end_us);
      fuzz_assert (nhs_figure_get_metric (s->figure) == NHS_FIGURE_METRIC_PAY_AWARD);
    }
  for (guint i = 0; i < n_nav; i++)
    {
      NhsEvent *event = nhs_chart_model_get_navigable (model, i);
      fuzz_assert (nhs_chart_model_find_navigable (model, event) == (int) i);
    }
}

static void
export (NhsChartModel               *model,
        const NhsChartExportOptions *options)
{
  NhsChartFormat formats[] = { NHS_CHART_FORMAT_PNG, NHS_CHART_FORMAT_SVG };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = nhs_chart_export_to_bytes (model, options, formats[i], &error);

      fuzz_assert (bytes != NULL && error == NULL);
      fuzz_assert (g_bytes_get_size (bytes) > 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(NhsChartModel) model = NULL;
  NhsChartExportOptions options;
  guint8 pick = size > 0 ? data[size - 1] : 0;

  ds = nhs_dataset_load_bytes (bytes, "fuzz.json", NULL, NULL, NULL, NULL);
  if (ds == NULL)
    return 0;

  model = nhs_chart_model_new (ds, NULL);
  walk_model (model);

  /* small pictures: the text and the layout are what is fuzzed, not
   * the number of pixels */
  nhs_chart_export_options_init (&options);
  options.width = 400;
  options.height = 300;
  options.mode = pick % 2;
  options.show_cumulative = (pick >> 1) & 1;
  options.show_pay = (pick >> 2) & 1;
  options.show_legend = (pick >> 3) & 1;
  options.background = (pick >> 4) % 3;
  export (model, &options);

  /* a range from the first event to the last, or cut at a month edge */
  if (nhs_dataset_get_n_events (ds) > 0)
    {
      NhsEvent *first = nhs_dataset_get_event (ds, 0);
      NhsEvent *last = nhs_dataset_get_event (ds, nhs_dataset_get_n_events (ds) - 1);

      options.from_us = nhs_event_get_start_us (first) + ((pick & 0x40) ? 1 : 0);
      options.to_us = nhs_event_get_start_us (last) + (gint64) 86400 * G_USEC_PER_SEC;
      if (options.from_us < options.to_us)
        export (model, &options);
    }
  return 0;
}
