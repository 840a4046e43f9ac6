/* nhs-chart-layer-pay.c: the pay panel: awards, offers and claims
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-renderer-private.h"

/* A claim is a hollow triangle pointing up; an offer a filled diamond */
static void
pay_point_path (cairo_t        *cr,
                NhsFigureMetric metric,
                double          x,
                double          y,
                double          r)
{
  if (metric == NHS_FIGURE_METRIC_PAY_CLAIM)
    {
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
    }
  else
    chart_shape_path (cr, NHS_CHART_MARKER_OFFER, x, y, r);
}

/* Paints the path of pay points: a claim hollow, an offer filled and (when
 * outlined) parted from its neighbours by a line of the background */
static void
paint_pay_path (NhsChartRenderer    *self,
                cairo_t             *cr,
                gboolean             claim,
                const NhsChartColor *color,
                gboolean             outlined)
{
  if (claim)
    {
      chart_set_color (cr, &self->style.background, self->style.fill_background ? 1 : 0.85);
      cairo_fill_preserve (cr);
      chart_set_color (cr, color, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  else if (outlined)
    {
      chart_set_color (cr, color, 1);
      cairo_fill_preserve (cr);
      chart_set_color (cr, &self->style.background, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    {
      chart_set_color (cr, color, 1);
      cairo_fill (cr);
    }
}

void
chart_draw_pay_point (NhsChartRenderer *self,
                      cairo_t          *cr,
                      NhsFigureMetric   metric,
                      int               lane,
                      double            x,
                      double            y,
                      double            r)
{
  NhsChartColor c = chart_lane_color (self, lane);

  pay_point_path (cr, metric, x, y, r);
  paint_pay_path (self, cr, metric == NHS_FIGURE_METRIC_PAY_CLAIM, &c, TRUE);
}

static double
pay_y (NhsChartRenderer *self,
       double            value)
{
  return self->pay_y + self->pay_h - value / self->pay_max * self->pay_h;
}

/* Parallel lines for groups with equal awards: each lane a little apart */
static double
step_offset (NhsChartRenderer *self,
             int               lane)
{
  int n = (int) nhs_chart_model_get_n_visible_lanes (self->model);
  int row = lane >= 0 ? g_array_index (self->lane_row, int, lane) : 0;

  return (row - (n - 1) / 2.0) * 2.5;
}

/* The rectangles the pay panel's values must keep clear of, filed by
 * columns of the plot, so a test looks only at its neighbours */
#define TAKEN_COLUMN 64.0

typedef struct
{
  double     x0;
  GPtrArray *columns;   /* of GArray of Rect, or NULL */
} Taken;

static void
column_free (gpointer column)
{
  if (column != NULL)
    g_array_unref (column);
}

static void
taken_init (Taken  *taken,
            double  x0,
            double  width)
{
  taken->x0 = x0;
  taken->columns = g_ptr_array_new_with_free_func (column_free);
  g_ptr_array_set_size (taken->columns, (guint) MAX (ceil (width / TAKEN_COLUMN), 0) + 1);
}

static void
taken_clear (Taken *taken)
{
  g_clear_pointer (&taken->columns, g_ptr_array_unref);
}

static void
taken_span (Taken      *taken,
            const Rect *r,
            guint      *first,
            guint      *last)
{
  double n = taken->columns->len - 1;

  *first = (guint) CLAMP (floor ((r->x - taken->x0) / TAKEN_COLUMN), 0, n);
  *last = (guint) CLAMP (floor ((r->x + r->width - taken->x0) / TAKEN_COLUMN), 0, n);
}

static void
taken_add (Taken      *taken,
           const Rect *r)
{
  guint first, last;

  taken_span (taken, r, &first, &last);
  for (guint c = first; c <= last; c++)
    {
      if (g_ptr_array_index (taken->columns, c) == NULL)
        g_ptr_array_index (taken->columns, c) = g_array_new (FALSE, FALSE, sizeof (Rect));
      g_array_append_val ((GArray *) g_ptr_array_index (taken->columns, c), *r);
    }
}

static gboolean
collides (Taken      *taken,
          const Rect *r)
{
  guint first, last;

  taken_span (taken, r, &first, &last);
  for (guint c = first; c <= last; c++)
    {
      GArray *column = g_ptr_array_index (taken->columns, c);

      for (guint i = 0; column != NULL && i < column->len; i++)
        {
          const Rect *t = &g_array_index (column, Rect, i);
          if (r->x < t->x + t->width && t->x < r->x + r->width && r->y < t->y + t->height && t->y < r->y + r->height)
            return TRUE;
        }
    }
  return FALSE;
}

static void
draw_value_label (NhsChartRenderer *self,
                  cairo_t          *cr,
                  Taken            *taken,
                  NhsFigure        *figure,
                  double            x,
                  double            y,
                  double            max_width)
{
  g_autofree char *value = NULL;
  double w, h = chart_line_height (self, TEXT_SMALL);
  Rect r = { x, y, 2 * self->digit_w + 2, h };

  /* "6%" needs two digits' room at least: most steps of a long view have
   * not; and where even that much is taken, the value is not measured */
  if (max_width < 2 * self->digit_w || x < self->plot_x || x > self->plot_x + self->plot_w ||
      collides (taken, &r))
    return;
  value = nhs_figure_format_value (figure);
  chart_text_size (self, value, TEXT_SMALL, &w, &h);
  r = (Rect) { x, y, w + 2, h };
  if (w > max_width || x < self->plot_x || x + w > self->plot_x + self->plot_w || collides (taken, &r))
    return;
  chart_show_text (self, cr, value, TEXT_SMALL, x, y, 0, &self->style.foreground, 0.85);
  taken_add (taken, &r);
}

/* The pay points worth drawing: thousands on a few pixels would each cost a
 * fill and an outline to draw what the last of them hides, so a point in
 * the same cell (a square of the given side) as one already kept of its
 * colour and shape is left out. Returns indices into points, in order. */
static GArray *
visible_pay_points (NhsChartRenderer *self,
                    GArray           *points,
                    double            r,
                    double            cell,
                    double            top,
                    double            height)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));
  double left = self->plot_x - r * 2;
  gsize nx = (gsize) ceil ((self->plot_w + r * 4) / cell) + 1;
  gsize ny = (gsize) ceil (height / cell) + 1;
  gsize n_kinds = 2 * (self->colors->len + 1);
  g_autofree guint8 *seen = g_malloc0 ((nx * ny * n_kinds + 7) / 8);

  for (guint i = 0; i < points->len; i++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, i);
      double x = chart_time_to_x (self, p->time_us);
      gsize cx, cy, kind, bit;

      if (x < left || x > self->plot_x + self->plot_w + r * 2)
        continue;
      cx = (gsize) MIN ((x - left) / cell, nx - 1);
      cy = (gsize) CLAMP ((pay_y (self, p->value) - top) / cell, 0, ny - 1);
      kind = 2 * (gsize) (p->lane + 1) + (p->metric == NHS_FIGURE_METRIC_PAY_CLAIM);
      bit = (kind * ny + cy) * nx + cx;
      if (seen[bit / 8] & (1 << (bit % 8)))
        continue;
      seen[bit / 8] |= 1 << (bit % 8);
      g_array_append_val (shown, i);
    }
  return shown;
}

/* Crowded pay points, each colour and shape as one path: offers filled,
 * claims hollow */
static void
draw_pay_points_merged (NhsChartRenderer *self,
                        cairo_t          *cr,
                        GArray           *points,
                        GArray           *shown,
                        double            r)
{
  /* a crowd of shapes is a band of colour: smoothing each one's edges
   * would double the cost of the whole chart for no visible gain */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint c = 0; c <= self->colors->len; c++)
    for (int claim = 0; claim <= 1; claim++)
      {
        NhsChartColor color = chart_lane_color (self, (int) c - 1);
        gboolean any = FALSE;

        for (guint k = 0; k < shown->len; k++)
          {
            const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, g_array_index (shown, guint, k));

            if ((guint) (p->lane + 1) != c || (p->metric == NHS_FIGURE_METRIC_PAY_CLAIM) != claim)
              continue;
            pay_point_path (cr, p->metric, chart_time_to_x (self, p->time_us), pay_y (self, p->value), r);
            any = TRUE;
          }
        if (any)
          paint_pay_path (self, cr, claim, &color, FALSE);
      }
  cairo_restore (cr);
}

static void
draw_pay (NhsChartRenderer *self,
          cairo_t          *cr)
{
  GArray *steps = nhs_chart_model_get_steps (self->model);
  GArray *points = nhs_chart_model_get_pay_points (self->model);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (EndLabel));
  g_autoptr(GArray) shown = NULL;
  Taken taken;
  double max = nhs_chart_model_get_max_pay (self->model);
  double step = chart_nice_step (MAX (max * 1.08, 1), chart_axis_ticks (self, self->pay_h), 1);
  double lh = chart_line_height (self, TEXT_SMALL);
  double r = MIN (self->font * 0.45, MAX (self->pay_h / 10, 3));
  double right = self->plot_x + self->plot_w;

  g_array_set_clear_func (labels, chart_end_label_clear);
  self->pay_max = max > 0 ? ceil (max * 1.08 / step) * step : 10;
  chart_draw_value_axis (self, cr, self->pay_y, self->pay_h, self->pay_max, max > 0 ? step : 2.5, TRUE, FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->pay_y - lh - 4, self->plot_w, self->pay_h + lh + 8);
  cairo_clip (cr);

  /* each group's awards as one step line */
  for (guint i = 0; i < steps->len;)
    {
      int lane = g_array_index (steps, NhsChartStep, i).lane;
      NhsChartColor c = chart_lane_color (self, lane);
      double dy = step_offset (self, lane);
      const NhsChartStep *prev = NULL;
      const NhsChartStep *last_seen = NULL;

      for (; i < steps->len && g_array_index (steps, NhsChartStep, i).lane == lane; i++)
        {
          const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
          double y = round (pay_y (self, s->value) + dy) + 0.5;

          if (prev != NULL && prev->end_us == s->start_us)
            cairo_line_to (cr, chart_time_to_x (self, s->start_us), y);
          else
            cairo_move_to (cr, chart_time_to_x (self, s->start_us), y);
          cairo_line_to (cr, chart_time_to_x (self, s->end_us), y);
          prev = s;
          if (s->start_us < self->to_us)
            last_seen = s;
        }
      chart_stroke_line (self, cr, &c, chart_pattern_of (lane), 2.5);

      if (last_seen != NULL && last_seen->end_us > self->from_us && lane >= 0)
        {
          EndLabel label = { pay_y (self, last_seen->value) + dy, chart_line_height (self, TEXT_SMALL_BOLD), lane,
                             g_strdup (nhs_group_get_short_name (nhs_chart_model_get_lane (self->model, lane)->group)) };
          g_array_append_val (labels, label);
        }
    }

  /* offers and claims on top */
  taken_init (&taken, self->plot_x - r * 2, self->plot_w + r * 4);
  /* cells of half a radius; where that leaves a crowd, of a radius and a half */
  shown = visible_pay_points (self, points, r, MAX (r * 0.5, 1), self->pay_y - lh - 4, self->pay_h + lh + 8);
  if (shown->len > 400)
    {
      g_array_unref (shown);
      shown = visible_pay_points (self, points, r, MAX (r * 1.5, 1), self->pay_y - lh - 4, self->pay_h + lh + 8);
    }
  if (shown->len > 400)
    draw_pay_points_merged (self, cr, points, shown, r);
  for (guint k = 0; k < shown->len; k++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, g_array_index (shown, guint, k));
      double x = chart_time_to_x (self, p->time_us);
      Rect box = { x - r * 1.3, pay_y (self, p->value) - r * 1.3, r * 2.6, r * 2.6 };

      if (shown->len <= 400)
        chart_draw_pay_point (self, cr, p->metric, p->lane, x, pay_y (self, p->value), r);
      taken_add (&taken, &box);
    }

  /* values: on the steps where there is room, then beside the points */
  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      double x0 = MAX (chart_time_to_x (self, s->start_us), self->plot_x) + 3;
      double x1 = MIN (chart_time_to_x (self, s->end_us), right);

      draw_value_label (self, cr, &taken, s->figure, x0, pay_y (self, s->value) + step_offset (self, s->lane) - lh - 1,
                        x1 - x0 - 3);
    }
  for (guint k = 0; k < shown->len; k++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, g_array_index (shown, guint, k));
      draw_value_label (self, cr, &taken, p->figure, chart_time_to_x (self, p->time_us) + r * 1.5,
                        pay_y (self, p->value) - lh / 2, G_MAXDOUBLE);
    }
  cairo_restore (cr);
  taken_clear (&taken);

  chart_draw_end_labels (self, cr, labels, self->pay_y - lh / 2, self->pay_y + self->pay_h + lh / 2);
}

static gboolean
hit_pay (NhsChartRenderer *self,
         double            x,
         double            y,
         NhsChartHit      *hit)
{
  GArray *steps = nhs_chart_model_get_steps (self->model);
  GArray *points = nhs_chart_model_get_pay_points (self->model);
  double best = (HIT_SLOP + 3) * (HIT_SLOP + 3);
  gboolean found = FALSE;

  for (guint i = 0; i < points->len; i++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, i);
      double dx = chart_time_to_x (self, p->time_us) - x, dy = pay_y (self, p->value) - y;

      if (dx * dx + dy * dy <= best)
        {
          best = dx * dx + dy * dy;
          *hit = (NhsChartHit) { NHS_CHART_HIT_PAY_POINT, p->lane, i, nhs_figure_get_event (p->figure) };
          found = TRUE;
        }
    }
  if (found)
    return TRUE;

  best = HIT_SLOP;
  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      double dy = fabs (pay_y (self, s->value) + step_offset (self, s->lane) - y);

      if (x >= chart_time_to_x (self, s->start_us) && x < chart_time_to_x (self, s->end_us) && dy <= best)
        {
          best = dy;
          *hit = (NhsChartHit) { NHS_CHART_HIT_STEP, s->lane, i, nhs_figure_get_event (s->figure) };
          found = TRUE;
        }
    }
  return found;
}

static void
highlight_figures (NhsChartRenderer *self,
                   cairo_t          *cr,
                   NhsEvent         *event,
                   NhsChartHighlight how)
{
  GArray *steps = nhs_chart_model_get_steps (self->model);
  GArray *points = nhs_chart_model_get_pay_points (self->model);
  double r = MIN (self->font * 0.45, MAX (self->pay_h / 10, 3)) + 4;

  if (self->pay_h <= 0)
    return;
  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      if (nhs_figure_get_event (s->figure) != event)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, chart_time_to_x (self, s->start_us), pay_y (self, s->value) + step_offset (self, s->lane), r, 0, 2 * G_PI);
      chart_outline (self, cr, how);
    }
  for (guint i = 0; i < points->len; i++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, i);
      if (nhs_figure_get_event (p->figure) != event)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, chart_time_to_x (self, p->time_us), pay_y (self, p->value), r, 0, 2 * G_PI);
      chart_outline (self, cr, how);
    }
}

static void
pay_draw (NhsChartRenderer *self,
          cairo_t          *cr)
{
  if (self->pay_h <= 0)
    return;
  chart_show_heading (self, cr, _("Pay (%): awards by pay year (headline), offers and claims"),
                      self->pay_y - self->heading_h - chart_line_height (self, TEXT_SMALL) * 0.3);
  draw_pay (self, cr);
}

static void
pay_measure (NhsChartRenderer *self,
             NhsChartMeasure  *measure)
{
  if (self->style.show_pay)
    measure->right = MAX (measure->right, chart_end_labels_width (self));
}

static LayerHit
pay_hit (NhsChartRenderer *self,
         double            x,
         double            y,
         NhsChartHit      *hit)
{
  if (!chart_in_plot_x (self, x) || self->pay_h <= 0 || y < self->pay_y - HIT_SLOP || y >= self->pay_y + self->pay_h + HIT_SLOP)
    return LAYER_HIT_PASS;
  return hit_pay (self, x, y, hit) ? LAYER_HIT_FOUND : LAYER_HIT_NONE;
}

static void
pay_highlight (NhsChartRenderer *self,
               cairo_t          *cr,
               NhsEvent         *event,
               NhsChartHighlight how)
{
  if (nhs_event_get_kind (event) != NHS_EVENT_KIND_STRIKE)
    highlight_figures (self, cr, event, how);
}

static gboolean
pay_highlight_hit (NhsChartRenderer  *self,
                   cairo_t           *cr,
                   const NhsChartHit *hit)
{
  if (hit->kind == NHS_CHART_HIT_STEP)
    {
      const NhsChartStep *s = &g_array_index (nhs_chart_model_get_steps (self->model), NhsChartStep, hit->index);
      double y = pay_y (self, s->value) + step_offset (self, s->lane);
      cairo_rectangle (cr, chart_time_to_x (self, s->start_us), y - 4,
                       chart_time_to_x (self, s->end_us) - chart_time_to_x (self, s->start_us), 8);
      chart_outline (self, cr, NHS_CHART_HIGHLIGHT_HOVER);
      return TRUE;
    }
  if (hit->kind == NHS_CHART_HIT_PAY_POINT)
    {
      const NhsChartPayPoint *p = &g_array_index (nhs_chart_model_get_pay_points (self->model), NhsChartPayPoint, hit->index);
      cairo_new_sub_path (cr);
      cairo_arc (cr, chart_time_to_x (self, p->time_us), pay_y (self, p->value), self->font * 0.45 + 4, 0, 2 * G_PI);
      chart_outline (self, cr, NHS_CHART_HIGHLIGHT_HOVER);
      return TRUE;
    }
  return FALSE;
}

static gboolean
pay_tooltip (NhsChartRenderer  *self,
             const NhsChartHit *hit,
             GString           *text)
{
  if (hit->kind == NHS_CHART_HIT_PAY_POINT)
    {
      chart_append_figure_text (self, text,
                                g_array_index (nhs_chart_model_get_pay_points (self->model), NhsChartPayPoint, hit->index).figure);
      return TRUE;
    }
  if (hit->kind == NHS_CHART_HIT_STEP)
    {
      const NhsChartStep *step = &g_array_index (nhs_chart_model_get_steps (self->model), NhsChartStep, hit->index);
      g_autoptr(GPtrArray) others = nhs_chart_model_dup_step_figures (self->model, step);

      chart_append_figure_text (self, text, step->figure);
      for (guint i = 0; i < others->len; i++)
        {
          NhsFigure *other = g_ptr_array_index (others, i);
          g_autofree char *value = NULL;
          if (other == step->figure)
            continue;
          value = nhs_figure_format_value (other);
          /* TRANSLATORS: another award figure for the same pay year: "Also: 8.8% (average)" */
          g_string_append_printf (text, _("\nAlso: %s (%s)"), value,
                                  nhs_figure_get_basis (other) ? nhs_figure_get_basis (other) : nhs_figure_get_label (other));
        }
      return TRUE;
    }
  return FALSE;
}

const NhsChartLayer nhs_chart_pay_layer = {
  .measure = pay_measure,
  .draw = pay_draw,
  .hit = pay_hit,
  .highlight = pay_highlight,
  .highlight_hit = pay_highlight_hit,
  .tooltip = pay_tooltip,
};
