/* nhs-chart-layer-markers.c: rows of markers for ballots, votes, offers, deals and talks
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-renderer-private.h"

int
chart_n_marker_rows (NhsChartRenderer *self)
{
  int n = 0;

  for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
    n = MAX (n, self->marker_row[k] + 1);
  return n;
}

static double
marker_radius (NhsChartRenderer *self)
{
  return MAX (2.5, MIN (self->marker_row_h * 0.34, self->font * 0.42));
}

static double
marker_row_center (NhsChartRenderer *self,
                   NhsEventKind      kind)
{
  return self->markers_y + (self->marker_row[kind] + 0.5) * self->marker_row_h;
}

/* A period's line along its row: the span at i */
static void
period_line (NhsChartRenderer *self,
             cairo_t          *cr,
             GArray           *spans,
             guint             i,
             NhsEventKind      kind)
{
  if (SPAN_X1 (spans, i) <= SPAN_X0 (spans, i))
    return;
  cairo_move_to (cr, SPAN_X0 (spans, i), marker_row_center (self, kind));
  cairo_line_to (cr, SPAN_X1 (spans, i), marker_row_center (self, kind));
}

static void
markers_draw (NhsChartRenderer *self,
              cairo_t          *cr)
{
  GArray *markers = nhs_chart_model_get_markers (self->model);
  double r = marker_radius (self);
  double last_x[NHS_EVENT_KIND_N];
  double lh = chart_line_height (self, TEXT_SMALL);
  int rows = chart_n_marker_rows (self);
  gboolean single = rows == 1;

  if (rows == 0)
    return;
  for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
    last_x[k] = -G_MAXDOUBLE;

  /* row names, and a faint line along each row */
  for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
    {
      double cy;
      gboolean named = FALSE;

      if (self->marker_row[k] < 0)
        continue;
      for (guint j = 0; j < k; j++)
        named |= self->marker_row[j] == self->marker_row[k];
      if (named)
        continue;
      cy = marker_row_center (self, k);
      chart_show_text (self, cr, single ? C_("chart row", "Events") : nhs_event_kind_to_chart_row (k), TEXT_SMALL,
                 self->plot_x - 9, cy - lh / 2, 1, &self->style.foreground, 0.7);
      chart_draw_rule (self, cr, cy, 0.08);
    }

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x - r * 1.5, self->markers_y, self->plot_w + r * 3, rows * self->marker_row_h);
  cairo_clip (cr);

  /* periods (a ballot's weeks, a referendum, talks) as lines behind the
   * shapes; overlapping ones of a row and colour join into one */
  for (guint c = 0; c <= self->colors->len; c++)
    {
      NhsChartColor color = chart_lane_color (self, (int) c - 1);
      GArray *spans[NHS_EVENT_KIND_N];

      for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
        spans[k] = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint i = 0; i < markers->len; i++)
        {
          const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);

          if ((guint) (m->lane + 1) != c || m->end_us - m->start_us <= DAY_US * 3 / 2 ||
              m->end_us <= self->from_us || m->start_us >= self->to_us)
            continue;
          if (chart_add_span (spans[m->kind], MAX (chart_time_to_x (self, m->start_us), self->plot_x),
                              MIN (chart_time_to_x (self, m->end_us), self->plot_x + self->plot_w), 1) &&
              spans[m->kind]->len > 2)
            period_line (self, cr, spans[m->kind], spans[m->kind]->len - 4, m->kind);
        }
      for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
        {
          if (spans[k]->len > 0 && self->marker_row[k] >= 0)
            period_line (self, cr, spans[k], spans[k]->len - 2, k);
          g_array_unref (spans[k]);
        }
      chart_set_color (cr, &color, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  /* the shapes: one less than 1.5 radii from the last one drawn in its row
   * would be mostly hidden by it, so thousands on a few pixels draw as a few; then
   * each colour's shapes fill as one path */
  {
    g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < markers->len; i++)
      {
        const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);
        double x = chart_time_to_x (self, m->start_us);
        int row = self->marker_row[m->kind];

        if (m->start_us >= self->to_us || x < self->plot_x - r * 2 || fabs (x - last_x[row]) < r * 1.5)
          continue;
        last_x[row] = x;
        g_array_append_val (shown, i);
      }
    for (guint c = 0; c <= self->colors->len; c++)
      {
        NhsChartColor color = chart_lane_color (self, (int) c - 1);
        gboolean any = FALSE;

        for (guint k = 0; k < shown->len; k++)
          {
            const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, g_array_index (shown, guint, k));
            if ((guint) (m->lane + 1) != c)
              continue;
            chart_shape_path (cr, m->kind, chart_time_to_x (self, m->start_us), marker_row_center (self, m->kind), r);
            any = TRUE;
          }
        if (!any)
          continue;
        chart_set_color (cr, &color, 1);
        /* the outline that parts touching shapes costs more than the shapes;
         * crowded rows do without it */
        if (shown->len > 400)
          {
            cairo_fill (cr);
            continue;
          }
        cairo_fill_preserve (cr);
        chart_set_color (cr, &self->style.background, 1);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
      }
  }
  cairo_restore (cr);
}

static LayerHit
markers_hit (NhsChartRenderer *self,
             double            x,
             double            y,
             NhsChartHit      *hit)
{
  GArray *markers = nhs_chart_model_get_markers (self->model);
  double r = marker_radius (self) + 3;
  double best = G_MAXDOUBLE;

  if (!chart_in_plot_x (self, x) || y < self->markers_y || y >= self->markers_y + chart_n_marker_rows (self) * self->marker_row_h)
    return LAYER_HIT_PASS;
  for (guint i = 0; i < markers->len; i++)
    {
      const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);
      double dx = fabs (chart_time_to_x (self, m->start_us) - x);
      double dy = fabs (marker_row_center (self, m->kind) - y);

      if (dx <= r && dy <= self->marker_row_h / 2 && dx < best)
        {
          best = dx;
          *hit = (NhsChartHit) { NHS_CHART_HIT_MARKER, m->lane, i, m->event };
        }
    }
  return best < G_MAXDOUBLE ? LAYER_HIT_FOUND : LAYER_HIT_NONE;
}

static void
markers_highlight (NhsChartRenderer *self,
                   cairo_t          *cr,
                   NhsEvent         *event,
                   NhsChartHighlight how)
{
  GArray *markers = nhs_chart_model_get_markers (self->model);
  double r = marker_radius (self);

  if (nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE || nhs_event_get_kind (event) == NHS_EVENT_KIND_PAY_AWARD)
    return;
  for (guint i = 0; i < markers->len; i++)
    {
      const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);
      /* not where the events' row gave way to a short chart */
      if (m->event != event || self->marker_row[m->kind] < 0)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, chart_time_to_x (self, m->start_us), marker_row_center (self, m->kind), r + 3.5, 0, 2 * G_PI);
      chart_outline (self, cr, how);
    }
}

static void
markers_measure (NhsChartRenderer *self,
                 NhsChartMeasure  *measure)
{
  double w;

  for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
    if (self->marker_row[k] >= 0)
      {
        chart_text_size (self, nhs_event_kind_to_chart_row (k), TEXT_SMALL, &w, NULL);
        measure->left = MAX (measure->left, w);
      }
}

const NhsChartLayer nhs_chart_markers_layer = {
  .measure = markers_measure,
  .draw = markers_draw,
  .hit = markers_hit,
  .highlight = markers_highlight,
};
