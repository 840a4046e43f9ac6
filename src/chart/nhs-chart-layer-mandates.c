/* nhs-chart-layer-mandates.c: strike mandates, shaded behind their group's walkouts
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-chart-renderer-private.h"

void
chart_draw_mandates (NhsChartRenderer *self,
               cairo_t          *cr,
               guint             l,
               double            ly,
               double            lh)
{
  const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
  NhsChartColor c = chart_lane_color (self, l);
  double shade = chart_is_dark (&self->style.background) ? 0.22 : 0.13;
  double right = self->plot_x + self->plot_w;
  double label_end = -G_MAXDOUBLE;
  gboolean labels = lh > 3 * self->font;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (double));

  /* one path of all the lane's mandates, overlapping ones merged: a shade,
   * a line along its top */
  for (guint i = 0; i < lane->mandates->len; i++)
    {
      const NhsChartSpan *span = &g_array_index (lane->mandates, NhsChartSpan, i);
      double x0 = MAX (chart_time_to_x (self, span->start_us), self->plot_x - 1);
      double x1 = MIN (chart_time_to_x (self, span->end_us), right + 1);

      if (x1 >= self->plot_x && x0 <= right)
        chart_add_span (spans, x0, MAX (x1, x0 + 1), 0);
    }
  for (guint i = 0; i < spans->len; i += 2)
    cairo_rectangle (cr, SPAN_X0 (spans, i), ly + 1, SPAN_X1 (spans, i) - SPAN_X0 (spans, i), lh - 2);
  chart_set_color (cr, &c, shade);
  cairo_fill (cr);
  for (guint i = 0; i < spans->len; i += 2)
    {
      cairo_move_to (cr, SPAN_X0 (spans, i), ly + 1.5);
      cairo_line_to (cr, SPAN_X1 (spans, i), ly + 1.5);
    }
  chart_set_color (cr, &c, 0.55);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint i = 0; labels && i < spans->len; i += 2)
    {
      double x0 = MAX (SPAN_X0 (spans, i), self->plot_x);
      if (SPAN_X1 (spans, i) - x0 > self->mandate_w + 8 && x0 > label_end)
        {
          chart_show_text (self, cr, _("mandate"), TEXT_SMALL, x0 + 3, ly + lh - 2 - chart_line_height (self, TEXT_SMALL), 0,
                     &self->style.foreground, 0.55);
          label_end = x0 + self->mandate_w + 8;
        }
    }
}

static LayerHit
mandates_hit (NhsChartRenderer *self,
              double            x,
              double            y,
              NhsChartHit      *hit)
{
  gint64 t = chart_x_to_time (self, x);
  const NhsChartLane *lane;
  int l;

  if (!chart_lane_at (self, x, y, &l))
    return LAYER_HIT_PASS;
  if (l < 0)
    return LAYER_HIT_NONE;
  lane = nhs_chart_model_get_lane (self->model, l);
  for (guint i = 0; i < lane->mandates->len; i++)
    {
      const NhsChartSpan *span = &g_array_index (lane->mandates, NhsChartSpan, i);
      if (t >= span->start_us && t < span->end_us)
        {
          *hit = (NhsChartHit) { NHS_CHART_HIT_MANDATE, l, i, span->event };
          return LAYER_HIT_FOUND;
        }
    }
  return LAYER_HIT_NONE;
}

/* A ballot outlines the mandate it gave */
static void
mandates_highlight (NhsChartRenderer *self,
                    cairo_t          *cr,
                    NhsEvent         *event,
                    NhsChartHighlight how)
{
  NhsEventKind kind = nhs_event_get_kind (event);

  if (self->style.mode != NHS_CHART_MODE_TIMELINE || kind == NHS_EVENT_KIND_STRIKE || kind == NHS_EVENT_KIND_PAY_AWARD)
    return;
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      double ly, lh;

      if (!chart_lane_shown (self, l))
        continue;
      chart_lane_band (self, l, &ly, &lh);
      for (guint i = 0; i < lane->mandates->len; i++)
        {
          const NhsChartSpan *span = &g_array_index (lane->mandates, NhsChartSpan, i);
          double x0 = chart_time_to_x (self, span->start_us);
          if (span->event != event)
            continue;
          cairo_rectangle (cr, x0, ly + 1, MAX (chart_time_to_x (self, span->end_us) - x0, 1), lh - 2);
          chart_outline (self, cr, how == NHS_CHART_HIGHLIGHT_SELECTED ? NHS_CHART_HIGHLIGHT_HOVER : how);
        }
    }
}

const NhsChartLayer nhs_chart_mandates_layer = {
  .hit = mandates_hit,
  .highlight = mandates_highlight,
};
