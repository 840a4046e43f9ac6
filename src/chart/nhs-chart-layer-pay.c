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

/* Between the claims' band and the awards below it: the break in the axis */
#define CLAIMS_GAP 8.0

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
    chart_shape_path (cr, NHS_EVENT_KIND_OFFER, x, y, r);
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

/* The awards and offers take the panel's height below the claims' band; a
 * claim far above them has a scale of its own in that band */
static double
pay_y (NhsChartRenderer *self,
       double            value)
{
  double bottom = self->pay_y + self->pay_h;
  double main_h = self->pay_h - (self->claims_h > 0 ? self->claims_h + CLAIMS_GAP : 0);

  if (self->claims_h <= 0 || value <= self->pay_max)
    return bottom - value / self->pay_max * main_h;
  return self->pay_y + self->claims_h -
         (MIN (value, self->claims_hi) - self->claims_lo) / (self->claims_hi - self->claims_lo) * self->claims_h;
}

/* Where a value's line is drawn: on a pixel row's centre, so that a 1 px
 * line reads at one row */
static double
line_y (NhsChartRenderer *self,
        double            value)
{
  return floor (pay_y (self, value)) + 0.5;
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

/* A label where it crosses no line nor other label: at (x, y), or else
 * below the line it names (y_below); on a plate of the background, so the
 * grid does not run through it. FALSE when neither place is free. */
static gboolean
draw_label (NhsChartRenderer *self,
            cairo_t          *cr,
            Taken            *taken,
            const char       *text,
            double            x,
            double            y,
            double            y_below)
{
  double w, h;
  Rect r;

  chart_text_size (self, text, TEXT_SMALL, &w, &h);
  x = MIN (x, self->plot_x + self->plot_w - w - 2);
  if (x < self->plot_x)
    return FALSE;
  r = (Rect) { x - 1, y, w + 2, h };
  if (collides (taken, &r) || y < self->pay_y - h)
    {
      r.y = y = y_below;
      if (collides (taken, &r) || y + h > self->pay_y + self->pay_h + 2)
        return FALSE;
    }
  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
  chart_set_color (cr, &self->style.background, 0.85);
  cairo_fill (cr);
  chart_show_text (self, cr, text, TEXT_SMALL, x, y, 0, &self->style.foreground, 0.9);
  taken_add (taken, &r);
  g_array_append_val (self->pay_labels, r);
  return TRUE;
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

static const char *
lane_name (NhsChartRenderer *self,
           int               lane)
{
  return lane >= 0 ? nhs_group_get_short_name (nhs_chart_model_get_lane (self->model, lane)->group) : "";
}

/* "Residents 2023/24: 6% + £1,250, average 8.8%": every label names its group */
static char *
step_label (NhsChartRenderer   *self,
            const NhsChartStep *s)
{
  g_autofree char *value = nhs_figure_format_value (s->figure);
  const char *headline = nhs_figure_get_headline (s->figure);
  const char *basis = nhs_figure_get_basis (s->figure);
  const char *period = nhs_figure_get_period (s->figure);
  g_autofree char *text = NULL;

  if (headline != NULL && basis != NULL && g_str_has_prefix (basis, "average"))
    /* TRANSLATORS: an award's line: group, pay year, headline and cash, average */
    text = g_strdup_printf (_("%s %s: %s, average %s"), lane_name (self, s->lane), period, headline, value);
  else
    /* TRANSLATORS: an award's line: "Consultants 2023/24: 6%" */
    text = g_strdup_printf (_("%s %s: %s"), lane_name (self, s->lane), period, headline ? headline : value);
  if (nhs_figure_is_inferred (s->figure))
    /* TRANSLATORS: after an award inferred from others, not confirmed */
    return g_strdup_printf (_("%s (inferred)"), text);
  return g_steal_pointer (&text);
}

static char *
point_label (NhsChartRenderer       *self,
             const NhsChartPayPoint *p)
{
  g_autofree char *value = nhs_figure_format_value (p->figure);
  const char *group = lane_name (self, p->lane);

  if (p->metric == NHS_FIGURE_METRIC_PAY_CLAIM)
    /* TRANSLATORS: a pay claim's label: "Residents claim: 35%" */
    return g_strdup_printf (_("%s claim: %s"), group, value);
  if (p->nature == NHS_CHART_OFFER_TOP_UP)
    {
      g_autofree char *number = chart_format_number (p->base);
      g_autofree char *base = chart_format_percent (number);
      /* TRANSLATORS: an offer of extra on top of an award: "Residents offer: +3% on 8.8%" */
      return g_strdup_printf (_("%s offer: +%s on %s"), group, value, base);
    }
  if (p->nature == NHS_CHART_OFFER_INVESTMENT)
    /* TRANSLATORS: an offer of a share of the pay bill, not a rise */
    return g_strdup_printf (_("%s offer: %s of the pay bill"), group, value);
  /* TRANSLATORS: an offer of a whole rise: "Residents offer: 5%" */
  return g_strdup_printf (_("%s offer: %s"), group, value);
}

/* An award's line: solid; lighter where backdated; an inferred one hollow,
 * a line of the background along its middle */
static void
stroke_award (NhsChartRenderer    *self,
              cairo_t             *cr,
              const NhsChartColor *c,
              int                  lane,
              double               alpha,
              gboolean             inferred)
{
  guint pattern = chart_pattern_of (lane);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  chart_set_dash (cr, pattern, inferred ? 5 : 2.5);
  chart_set_color (cr, c, alpha);
  cairo_set_line_width (cr, inferred ? 5 : 2.5);
  if (!inferred)
    {
      cairo_stroke (cr);
      chart_set_dash (cr, 0, 1);
      return;
    }
  cairo_stroke_preserve (cr);
  chart_set_dash (cr, 0, 1);
  chart_set_color (cr, &self->style.background, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
add_line (Taken  *taken,
          double  x0,
          double  x1,
          double  y)
{
  Rect r = { MIN (x0, x1), y - 3, fabs (x1 - x0), 6 };
  taken_add (taken, &r);
}

/* The next 1 April after us, where a top-up agreed later ends its stub */
static gint64
next_april (NhsChartRenderer *self,
            gint64            us)
{
  g_autoptr(GDateTime) dt = chart_local_time (self, us);
  g_autoptr(GDateTime) april = g_date_time_new (nhs_chart_model_get_timezone (self->model),
                                                g_date_time_get_year (dt) + (g_date_time_get_month (dt) >= 4), 4, 1, 0, 0, 0);

  return g_date_time_to_unix (april) * G_USEC_PER_SEC;
}

static void
draw_steps (NhsChartRenderer *self,
            cairo_t          *cr,
            Taken            *taken,
            GArray           *labels)
{
  GArray *steps = nhs_chart_model_get_steps (self->model);

  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      NhsChartColor c = chart_lane_color (self, s->lane);
      gboolean inferred = nhs_figure_is_inferred (s->figure);
      gint64 announced = CLAMP (s->announced_us, s->start_us, s->end_us);
      double x0 = chart_time_to_x (self, s->start_us), xa = chart_time_to_x (self, announced);
      double x1 = chart_time_to_x (self, s->end_us);
      double y = line_y (self, s->value);

      if (xa > x0)
        {
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, xa, y);
          stroke_award (self, cr, &c, s->lane, 0.35, inferred);
        }
      cairo_move_to (cr, xa, y);
      if (s->revision != NULL)
        {
          double xr = chart_time_to_x (self, s->revised_us);
          double yr = line_y (self, nhs_figure_get_value (s->revision));
          double xe = s->revised_us < s->end_us ? x1 : chart_time_to_x (self, next_april (self, s->revised_us));

          cairo_line_to (cr, MIN (xr, x1), y);
          stroke_award (self, cr, &c, s->lane, 1, inferred);
          /* after the pay year, a thin line to the top-up that changed it */
          if (xr > x1)
            {
              cairo_move_to (cr, x1, y);
              cairo_line_to (cr, xr, y);
              chart_set_color (cr, &c, 0.6);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
          cairo_move_to (cr, xr, y);
          cairo_line_to (cr, xr, yr);
          cairo_line_to (cr, xe, yr);
          stroke_award (self, cr, &c, s->lane, 1, nhs_figure_is_inferred (s->revision));
          add_line (taken, MIN (xr, x1), xe, yr);
          if (xr > x1)
            add_line (taken, x1, xr, y);
          {
            Rect v = { xr - 3, MIN (y, yr), 6, fabs (yr - y) };
            taken_add (taken, &v);
          }
        }
      else
        {
          cairo_line_to (cr, x1, y);
          stroke_award (self, cr, &c, s->lane, 1, inferred);
        }
      add_line (taken, x0, x1, y);

      /* the day it was announced: a tick across the line */
      if (xa > x0 + 2)
        {
          cairo_move_to (cr, round (xa) + 0.5, y - 5);
          cairo_line_to (cr, round (xa) + 0.5, y + 5);
          chart_set_color (cr, &c, 1);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      if (s->end_us > self->from_us && s->start_us < self->to_us)
        g_array_append_val (labels, i);
    }
}

static void
draw_claims_band (NhsChartRenderer *self,
                  cairo_t          *cr)
{
  const NhsChartColor *fg = &self->style.foreground;
  double lh = chart_line_height (self, TEXT_SMALL);
  double y = self->pay_y + self->claims_h + CLAIMS_GAP / 2;
  double values[2] = { self->claims_lo, self->claims_hi };

  if (self->claims_h <= 0)
    return;
  /* the break: a band of its own, its scale marked at both ends */
  cairo_rectangle (cr, self->plot_x, self->pay_y, self->plot_w, self->claims_h);
  chart_set_color (cr, fg, 0.04);
  cairo_fill (cr);
  cairo_move_to (cr, self->plot_x - 8, y + 3);
  cairo_line_to (cr, self->plot_x - 2, y - 3);
  cairo_move_to (cr, self->plot_x - 8, y + 6);
  cairo_line_to (cr, self->plot_x - 2, y);
  chart_set_color (cr, fg, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  /* the lower end's number would meet the awards' top one: its line only */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *num = chart_format_number (values[i]);
      g_autofree char *label = chart_format_percent (num);
      double ly = pay_y (self, values[i]);

      chart_draw_rule (self, cr, ly, 0.08);
      if (i == 1)
        chart_show_text (self, cr, label, TEXT_SMALL, self->plot_x - 4, ly - lh / 2, 1, fg, 0.7);
    }
  /* the band's name, where it has room above the claims' own labels */
  if (self->claims_h >= lh * 2.5)
    {
      g_autofree char *lo = chart_format_number (self->claims_lo);
      g_autofree char *hi = chart_format_number (self->claims_hi);
      /* TRANSLATORS: the pay panel's band for claims, on a scale of its own: "Claims, 20–40%" */
      g_autofree char *name = g_strdup_printf (_("Claims, %s–%s%% (a scale of their own)"), lo, hi);
      chart_show_text (self, cr, name, TEXT_SMALL, self->plot_x + 4, self->pay_y + 1, 0, fg, 0.6);
    }
}

static void
compute_scale (NhsChartRenderer *self,
               double           *step)
{
  GArray *points = nhs_chart_model_get_pay_points (self->model);
  double max = nhs_chart_model_get_max_award (self->model);
  double lo = G_MAXDOUBLE, hi = 0;

  self->claims_h = 0;
  max = MAX (max, 1);
  for (guint i = 0; i < points->len; i++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, i);
      if (p->metric != NHS_FIGURE_METRIC_PAY_CLAIM)
        continue;
      /* a claim in reach of the awards shares their scale */
      if (p->value <= max * 1.5)
        max = MAX (max, p->value);
      else
        {
          lo = MIN (lo, p->value);
          hi = MAX (hi, p->value);
        }
    }
  if (hi > 0 && self->pay_h > 60)
    {
      self->claims_h = round (self->pay_h * 0.2);
      self->claims_lo = floor (lo / 5) * 5 - 5;
      self->claims_hi = ceil (hi / 5) * 5 + (hi == ceil (hi / 5) * 5 ? 5 : 0);
    }
  else
    max = MAX (max, hi);
  *step = chart_nice_step (max * 1.08, chart_axis_ticks (self, self->pay_h - self->claims_h), 1);
  self->pay_max = ceil (max * 1.08 / *step) * *step;
}

static void
pay_draw (NhsChartRenderer *self,
          cairo_t          *cr)
{
  GArray *steps = nhs_chart_model_get_steps (self->model);
  GArray *points = nhs_chart_model_get_pay_points (self->model);
  guint n_left_out = nhs_chart_model_get_n_pay_left_out (self->model);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) shown = NULL;
  g_autofree char *heading = NULL;
  Taken taken;
  double step;
  double lh = chart_line_height (self, TEXT_SMALL);
  double r = MIN (self->font * 0.45, MAX (self->pay_h / 10, 3));
  gboolean crowded;

  g_array_set_size (self->pay_labels, 0);
  if (self->pay_h <= 0)
    return;
  if (n_left_out > 0)
    /* TRANSLATORS: the pay panel's heading when the filter hides some of its figures */
    heading = g_strdup_printf (ngettext ("Pay (%%): awards, offers and claims of the events shown (%u figure left out by the filter)",
                                         "Pay (%%): awards, offers and claims of the events shown (%u figures left out by the filter)", n_left_out),
                               n_left_out);
  chart_show_heading (self, cr, heading ? heading : _("Pay (%): awards by pay year (average where reported), offers and claims"),
                      self->pay_y - self->heading_h - lh * 0.3);

  compute_scale (self, &step);
  chart_draw_value_axis (self, cr, self->pay_y + (self->claims_h > 0 ? self->claims_h + CLAIMS_GAP : 0),
                         self->pay_h - (self->claims_h > 0 ? self->claims_h + CLAIMS_GAP : 0), self->pay_max, step, TRUE);
  draw_claims_band (self, cr);

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->pay_y - lh - 4, self->plot_w, self->pay_h + lh + 8);
  cairo_clip (cr);
  taken_init (&taken, self->plot_x - r * 2, self->plot_w + r * 4);
  draw_steps (self, cr, &taken, labels);

  /* offers and claims on top; a top-up stands on what it adds to */
  shown = visible_pay_points (self, points, r, MAX (r * 0.5, 1), self->pay_y - lh - 4, self->pay_h + lh + 8);
  if (shown->len > 400)
    {
      g_array_unref (shown);
      shown = visible_pay_points (self, points, r, MAX (r * 1.5, 1), self->pay_y - lh - 4, self->pay_h + lh + 8);
    }
  crowded = shown->len > 400;
  if (crowded)
    draw_pay_points_merged (self, cr, points, shown, r);
  for (guint k = 0; k < shown->len; k++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, g_array_index (shown, guint, k));
      double x = chart_time_to_x (self, p->time_us);
      Rect box = { x - r * 1.3, pay_y (self, p->value) - r * 1.3, r * 2.6, r * 2.6 };

      if (!crowded && p->nature == NHS_CHART_OFFER_TOP_UP)
        {
          NhsChartColor c = chart_lane_color (self, p->lane);
          cairo_rectangle (cr, x - r * 0.4, pay_y (self, p->value), r * 0.8, pay_y (self, p->base) - pay_y (self, p->value));
          chart_set_color (cr, &c, 0.55);
          cairo_fill (cr);
        }
      if (!crowded && p->nature == NHS_CHART_OFFER_INVESTMENT)
        {
          NhsChartColor c = chart_lane_color (self, p->lane);
          chart_shape_path (cr, NHS_EVENT_KIND_BALLOT, x, pay_y (self, p->value), r);
          chart_set_color (cr, &self->style.background, 1);
          cairo_fill_preserve (cr);
          chart_set_color (cr, &c, 1);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      else if (!crowded)
        chart_draw_pay_point (self, cr, p->metric, p->lane, x, pay_y (self, p->value), r);
      taken_add (&taken, &box);
    }

  /* labels: each award's above its line (or below), then the points' */
  for (guint k = 0; k < labels->len; k++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, g_array_index (labels, guint, k));
      g_autofree char *text = step_label (self, s);
      double x = MAX (chart_time_to_x (self, CLAMP (s->announced_us, s->start_us, s->end_us)), self->plot_x) + 3;
      double y = line_y (self, s->value);

      if (!draw_label (self, cr, &taken, text, x, y - lh - 3, y + 3))
        {
          g_autofree char *value = nhs_figure_format_value (s->figure);
          g_autofree char *shorter = nhs_figure_is_inferred (s->figure) ?
                                     /* TRANSLATORS: a short label of an inferred award: "Consultants 6% (inferred)" */
                                     g_strdup_printf (_("%s %s (inferred)"), lane_name (self, s->lane), value) :
                                     g_strdup_printf ("%s %s", lane_name (self, s->lane), value);
          draw_label (self, cr, &taken, shorter, x, y - lh - 3, y + 3);
        }
      if (s->revision != NULL)
        {
          g_autofree char *value = nhs_figure_format_value (s->revision);
          /* TRANSLATORS: an award after a top-up agreed later: "Residents 2023/24 after top-up: 13.2%" */
          g_autofree char *after = g_strdup_printf (_("%s %s after top-up: %s"), lane_name (self, s->lane),
                                                    nhs_figure_get_period (s->figure), value);
          double yr = line_y (self, nhs_figure_get_value (s->revision));
          draw_label (self, cr, &taken, after, chart_time_to_x (self, s->revised_us) + 4, yr - lh - 3, yr + 3);
        }
    }
  for (guint k = 0; !crowded && k < shown->len; k++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, g_array_index (shown, guint, k));
      g_autofree char *text = point_label (self, p);
      double x = chart_time_to_x (self, p->time_us) + r * 1.5;
      double y = pay_y (self, p->value);

      if (!draw_label (self, cr, &taken, text, x, y - lh / 2, y + r))
        {
          g_autofree char *value = nhs_figure_format_value (p->figure);
          g_autofree char *shorter = g_strdup_printf ("%s %s%s", lane_name (self, p->lane),
                                                      p->nature == NHS_CHART_OFFER_TOP_UP ? "+" : "", value);
          draw_label (self, cr, &taken, shorter, x, y - lh / 2, y + r);
        }
    }
  cairo_restore (cr);
  taken_clear (&taken);
}

static LayerHit
pay_hit (NhsChartRenderer *self,
         double            x,
         double            y,
         NhsChartHit      *hit)
{
  GArray *steps = nhs_chart_model_get_steps (self->model);
  GArray *points = nhs_chart_model_get_pay_points (self->model);
  double best = (HIT_SLOP + 3) * (HIT_SLOP + 3);
  gboolean found = FALSE;

  if (!chart_in_plot_x (self, x) || self->pay_h <= 0 || y < self->pay_y - HIT_SLOP || y >= self->pay_y + self->pay_h + HIT_SLOP)
    return LAYER_HIT_PASS;
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
    return LAYER_HIT_FOUND;

  best = HIT_SLOP;
  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      double dy = fabs (line_y (self, s->value) - y);
      double x1 = chart_time_to_x (self, s->end_us);

      /* a top-up agreed later: its line, to its stub's end */
      if (s->revision != NULL && x >= chart_time_to_x (self, s->revised_us) &&
          fabs (line_y (self, nhs_figure_get_value (s->revision)) - y) <= best)
        {
          dy = fabs (line_y (self, nhs_figure_get_value (s->revision)) - y);
          x1 = chart_time_to_x (self, s->revised_us < s->end_us ? s->end_us : next_april (self, s->revised_us));
        }
      if (x >= chart_time_to_x (self, s->start_us) && x < x1 && dy <= best)
        {
          best = dy;
          *hit = (NhsChartHit) { NHS_CHART_HIT_STEP, s->lane, i, nhs_figure_get_event (s->figure) };
          found = TRUE;
        }
    }
  return found ? LAYER_HIT_FOUND : LAYER_HIT_NONE;
}

static void
pay_highlight (NhsChartRenderer *self,
               cairo_t          *cr,
               NhsEvent         *event,
               NhsChartHighlight how)
{
  GArray *steps = nhs_chart_model_get_steps (self->model);
  GArray *points = nhs_chart_model_get_pay_points (self->model);
  double r = MIN (self->font * 0.45, MAX (self->pay_h / 10, 3)) + 4;

  /* nothing to outline where the panel is hidden, or gave way to a short chart */
  if (self->pay_h <= 0 || nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE)
    return;
  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      if (nhs_figure_get_event (s->figure) != event)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, chart_time_to_x (self, s->start_us), line_y (self, s->value), r, 0, 2 * G_PI);
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

static gboolean
pay_highlight_hit (NhsChartRenderer  *self,
                   cairo_t           *cr,
                   const NhsChartHit *hit)
{
  if (hit->kind == NHS_CHART_HIT_STEP)
    {
      const NhsChartStep *s = &g_array_index (nhs_chart_model_get_steps (self->model), NhsChartStep, hit->index);
      double y = line_y (self, s->value);
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

const NhsChartLayer nhs_chart_pay_layer = {
  .draw = pay_draw,
  .hit = pay_hit,
  .highlight = pay_highlight,
  .highlight_hit = pay_highlight_hit,
};

double
nhs_chart_renderer_pay_to_y (NhsChartRenderer *self,
                             double            value)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), -1);
  if (self->model == NULL || self->pay_h <= 0)
    return -1;
  return line_y (self, value);
}

GArray *
nhs_chart_renderer_get_pay_labels (NhsChartRenderer *self)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), NULL);
  return self->pay_labels;
}
