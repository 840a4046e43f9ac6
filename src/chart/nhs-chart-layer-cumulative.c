/* nhs-chart-layer-cumulative.c: each group's strike days added up over time
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-renderer-private.h"

static void
cumulative_draw (NhsChartRenderer *self,
                 cairo_t          *cr)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (EndLabel));
  double max = 1, step;
  double lh = chart_line_height (self, TEXT_SMALL_BOLD);

  if (self->cum_h <= 0 || nhs_chart_model_get_n_visible_lanes (self->model) == 0)
    return;
  g_array_set_clear_func (labels, chart_end_label_clear);
  for (guint l = 0; l < self->lane_row->len; l++)
    if (chart_lane_shown (self, l))
      max = MAX (max, nhs_chart_model_get_lane (self->model, l)->strike_days);
  step = chart_nice_step (max, chart_axis_ticks (self, self->cum_h), 1);
  self->cum_max = ceil (max / step) * step;
  /* a panel of its own, under the walkouts, not a second axis across them */
  chart_show_heading (self, cr, _("Cumulative strike days"), self->cum_y - self->heading_h);
  chart_draw_value_axis (self, cr, self->cum_y, self->cum_h, self->cum_max, step, FALSE, FALSE);

  for (guint l = 0; l < self->lane_row->len; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      NhsChartColor c = chart_lane_color (self, l);
      double base = self->cum_y + self->cum_h;
      double scale = self->cum_h / self->cum_max;
      guint cum = 0;
      EndLabel label;

      if (!chart_lane_shown (self, l) || lane->months->len == 0)
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, self->plot_x, self->cum_y - 2, self->plot_w, self->cum_h + 4);
      cairo_clip (cr);
      cairo_move_to (cr, MIN (self->plot_x, chart_time_to_x (self, g_array_index (lane->months, NhsChartMonth, 0).first_us)), base);
      for (guint m = 0; m < lane->months->len; m++)
        {
          const NhsChartMonth *month = &g_array_index (lane->months, NhsChartMonth, m);
          cairo_line_to (cr, chart_time_to_x (self, month->first_us), base - cum * scale);
          cum += month->days;
          cairo_line_to (cr, chart_time_to_x (self, month->last_us), base - cum * scale);
        }
      cairo_line_to (cr, MAX (self->plot_x + self->plot_w, chart_time_to_x (self, self->to_us)), base - cum * scale);
      chart_stroke_line (self, cr, &c, chart_pattern_of ((int) l), 2);
      cairo_restore (cr);

      label.y = base - cum * scale;
      label.height = lh;
      label.lane = (int) l;
      label.text = g_strdup_printf ("%s %u", nhs_group_get_short_name (lane->group), cum);
      g_array_append_val (labels, label);
    }
  chart_draw_end_labels (self, cr, labels, self->cum_y - lh / 2, self->cum_y + self->cum_h + lh / 2);
}

static void
cumulative_measure (NhsChartRenderer *self,
                    NhsChartMeasure  *measure)
{
  if (self->style.show_cumulative)
    measure->right = MAX (measure->right, chart_end_labels_width (self));
}

const NhsChartLayer nhs_chart_cumulative_layer = {
  .measure = cumulative_measure,
  .draw = cumulative_draw,
};
