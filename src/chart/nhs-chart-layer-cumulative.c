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

/* A line's name at its right-hand end: the group and its days */
typedef struct
{
  double y;
  int    lane;
  guint  days;
} EndLabel;

static int
end_label_cmp (gconstpointer a,
               gconstpointer b)
{
  const EndLabel *ea = a, *eb = b;

  return (ea->y > eb->y) - (ea->y < eb->y);
}

static char *
dup_end_label_text (const NhsChartLane *lane,
                    guint               days)
{
  return g_strdup_printf ("%s %u", nhs_group_get_short_name (lane->group), days);
}

/* Names at the right-hand ends of lines, pushed apart where they meet */
static void
draw_end_labels (NhsChartRenderer *self,
                 cairo_t          *cr,
                 GArray           *labels,
                 double            top,
                 double            bottom)
{
  g_autofree double *ys = g_new (double, MAX (labels->len, 1));
  double lh = chart_line_height (self, TEXT_SMALL_BOLD);
  double next_free = top;

  g_array_sort (labels, end_label_cmp);
  /* down from the top, each below the last; then, where that ran past the
   * bottom, up from the bottom, each above the next */
  for (guint i = 0; i < labels->len; i++)
    {
      ys[i] = MAX (g_array_index (labels, EndLabel, i).y - lh / 2, next_free);
      next_free = ys[i] + lh;
    }
  for (guint i = labels->len; i-- > 0;)
    {
      double limit = i + 1 < labels->len ? ys[i + 1] : bottom;
      ys[i] = MIN (ys[i], limit - lh);
    }
  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      NhsChartColor c = chart_lane_color (self, label->lane);
      g_autofree char *text = dup_end_label_text (nhs_chart_model_get_lane (self->model, label->lane), label->days);

      chart_show_text (self, cr, text, TEXT_SMALL_BOLD, self->plot_x + self->plot_w + 5, ys[i], 0, &c, 1);
    }
}

/* The room the names of the lanes shown need */
static double
end_labels_width (NhsChartRenderer *self)
{
  double widest = 0, w;

  for (guint l = 0; l < self->lane_row->len; l++)
    if (chart_lane_shown (self, l))
      {
        const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
        g_autofree char *label = dup_end_label_text (lane, lane->strike_days);
        chart_text_size (self, label, TEXT_SMALL_BOLD, &w, NULL);
        widest = MAX (widest, w);
      }
  return widest;
}

static void
stroke_line (NhsChartRenderer    *self,
             cairo_t             *cr,
             const NhsChartColor *c,
             guint                pattern,
             double               width)
{
  /* a halo in the background colour keeps lines apart from bars under them */
  chart_set_dash (cr, 0, 1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  chart_set_color (cr, &self->style.background, 0.8);
  cairo_set_line_width (cr, width + 2.5);
  cairo_stroke_preserve (cr);
  chart_set_color (cr, c, 1);
  cairo_set_line_width (cr, width);
  chart_set_dash (cr, pattern, width);
  cairo_stroke (cr);
  chart_set_dash (cr, 0, 1);
}

static void
cumulative_draw (NhsChartRenderer *self,
                 cairo_t          *cr)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (EndLabel));
  double max = 1, step;
  double lh = chart_line_height (self, TEXT_SMALL_BOLD);

  if (self->cum_h <= 0 || nhs_chart_model_get_n_visible_lanes (self->model) == 0)
    return;
  for (guint l = 0; l < self->lane_row->len; l++)
    if (chart_lane_shown (self, l))
      max = MAX (max, nhs_chart_model_get_lane (self->model, l)->strike_days);
  step = chart_nice_step (max, chart_axis_ticks (self, self->cum_h), 1);
  self->cum_max = ceil (max / step) * step;
  /* a panel of its own, under the walkouts, not a second axis across them */
  chart_show_heading (self, cr, _("Cumulative strike days"), self->cum_y - self->heading_h);
  chart_draw_value_axis (self, cr, self->cum_y, self->cum_h, self->cum_max, step, FALSE);

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
      stroke_line (self, cr, &c, chart_pattern_of ((int) l), 2);
      cairo_restore (cr);

      label = (EndLabel) { base - cum * scale, (int) l, cum };
      g_array_append_val (labels, label);
    }
  draw_end_labels (self, cr, labels, self->cum_y - lh / 2, self->cum_y + self->cum_h + lh / 2);
}

/* The pay panel, under the same time axis, keeps the margin the names need,
 * so its plot lines up with the cumulative panel's when either is shown */
static void
cumulative_measure (NhsChartRenderer *self,
                    NhsChartMeasure  *measure)
{
  if (self->style.show_cumulative || self->style.show_pay)
    measure->right = MAX (measure->right, end_labels_width (self));
}

const NhsChartLayer nhs_chart_cumulative_layer = {
  .measure = cumulative_measure,
  .draw = cumulative_draw,
};
