/* nhs-chart-layer-lanes.c: the timeline: a lane of walkouts per group
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-chart-renderer-private.h"

static guint
first_bar_from (const NhsChartLane *lane,
                gint64              from_us)
{
  gint64 t = from_us - lane->max_bar_us;
  guint lo = 0, hi = lane->bars->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (lane->bars, NhsChartBar, mid).start_us < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
bar_rect (NhsChartRenderer  *self,
          guint              lane,
          const NhsChartBar *bar,
          Rect              *r)
{
  double ly, lh;
  double x0 = chart_time_to_x (self, bar->start_us), x1 = chart_time_to_x (self, bar->end_us);

  chart_lane_band (self, lane, &ly, &lh);
  r->x = x0;
  r->width = MAX (x1 - x0, 1.5);
  r->height = self->bar_h;
  r->y = ly + (lh - self->bar_h) / 2;
}

static void
draw_bar_label (NhsChartRenderer  *self,
                cairo_t           *cr,
                guint              l,
                const NhsChartBar *bar,
                const Rect        *r,
                double            *last_label_end)
{
  double x0 = MAX (r->x, self->plot_x), x1 = MIN (r->x + r->width, self->plot_x + self->plot_w);
  double lh = chart_line_height (self, TEXT_SMALL_BOLD);
  double digits_w = self->digit_w * (bar->days >= 100 ? 3 : bar->days >= 10 ? 2 : 1);
  double mid = (x0 + x1) / 2;
  NhsChartColor c;
  char days[16];

  /* most bars in a dense chart stop here, before any text is made */
  if (x1 <= x0 || mid - digits_w / 2 < *last_label_end + 2)
    return;
  g_snprintf (days, sizeof days, "%u", bar->days);
  c = chart_lane_color (self, l);

  if (digits_w + 4 <= x1 - x0 && lh <= r->height + 2)
    {
      NhsChartColor ink = bar->status == NHS_EVENT_STATUS_HAPPENED ? chart_ink_on (&c) : self->style.foreground;
      /* TRANSLATORS: a walkout's length on its bar, where there is room */
      g_autofree char *long_label = g_strdup_printf (ngettext ("%u day", "%u days", bar->days), bar->days);
      const char *label = days;
      double w = digits_w;

      if (x1 - x0 > digits_w + 6 * self->digit_w)
        {
          chart_text_size (self, long_label, TEXT_SMALL_BOLD, &w, NULL);
          if (w + 6 <= x1 - x0)
            label = long_label;
          else
            w = digits_w;
        }
      /* on the pattern, a plate keeps the number legible */
      if (chart_pattern_of (l) != 0 && bar->status == NHS_EVENT_STATUS_HAPPENED)
        {
          cairo_rectangle (cr, mid - w / 2 - 1.5, r->y + (r->height - lh) / 2, w + 3, lh);
          chart_set_color (cr, &c, 1);
          cairo_fill (cr);
        }
      chart_show_text (self, cr, label, TEXT_SMALL_BOLD, mid, r->y + (r->height - lh) / 2, 0.5, &ink, 1);
      *last_label_end = x1;
      return;
    }

  /* a narrow bar carries its number above it, where that is free */
  if (mid - digits_w / 2 < self->plot_x || mid + digits_w / 2 > self->plot_x + self->plot_w ||
      r->y - lh < self->lanes_y)
    return;
  chart_show_text (self, cr, days, TEXT_SMALL_BOLD, mid, r->y - lh, 0.5, &self->style.foreground, 0.8);
  *last_label_end = mid + digits_w / 2;
}

/* A joint walkout's band, the span at i, from the top of its first lane's
 * bar (top) to the bottom of its last lane's */
static void
joint_band (NhsChartRenderer *self,
            cairo_t          *cr,
            GArray           *spans,
            guint             i,
            double            top,
            guint             last)
{
  double ly, lh;

  chart_lane_band (self, last, &ly, &lh);
  cairo_rectangle (cr, SPAN_X0 (spans, i), top, SPAN_X1 (spans, i) - SPAN_X0 (spans, i), ly + (lh + self->bar_h) / 2 - top);
}

/* Joint walkouts: a faint band across their groups' lanes, behind every
 * bar, one per walkout (from its first lane shown); bands to the same last
 * lane that touch on screen join */
static void
draw_joint_bands (NhsChartRenderer *self,
                  cairo_t          *cr)
{
  guint n = self->lane_row->len;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* runs[k]: the bands of this lane's joint walkouts that end in lane k */
  for (guint k = 0; k < n; k++)
    g_ptr_array_add (runs, g_array_new (FALSE, FALSE, sizeof (double)));
  for (guint l = 0; l < n; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      double top, h;

      if (!chart_lane_shown (self, l) || lane->joints->len == 0)
        continue;
      chart_lane_band (self, l, &top, &h);
      top += (h - self->bar_h) / 2;
      for (guint k = 0; k < n; k++)
        g_array_set_size (g_ptr_array_index (runs, k), 0);
      for (guint j = 0; j < lane->joints->len; j++)
        {
          const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, g_array_index (lane->joints, guint, j));
          GArray *spans = g_ptr_array_index (runs, bar->last_lane);
          double x0;

          if (bar->start_us >= self->to_us)
            break;
          if (bar->end_us <= self->from_us || !chart_lane_shown (self, bar->last_lane))
            continue;
          x0 = chart_time_to_x (self, bar->start_us);
          if (chart_add_span (spans, x0, MAX (chart_time_to_x (self, bar->end_us), x0 + 1.5), 0.5) && spans->len > 2)
            joint_band (self, cr, spans, spans->len - 4, top, bar->last_lane);
        }
      for (guint k = 0; k < n; k++)
        {
          GArray *spans = g_ptr_array_index (runs, k);
          if (spans->len > 0)
            joint_band (self, cr, spans, spans->len - 2, top, k);
        }
    }
  chart_set_color (cr, &self->style.foreground, 0.10);
  cairo_fill (cr);
}

/* Announced and called-off walkouts narrower than this (pixels) are
 * filled, not outlined: an outline would cover them */
#define OUTLINED_BAR_W 4
/* The width of a run of a lane's walkouts, the span at k */
#define RUN_W(runs, k) (SPAN_X1 ((runs), (k)) - SPAN_X0 ((runs), (k)))

static void
draw_lane (NhsChartRenderer *self,
           cairo_t          *cr,
           guint             l)
{
  const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
  NhsChartColor c = chart_lane_color (self, l);
  double right = self->plot_x + self->plot_w;
  double last_label_end = -G_MAXDOUBLE;
  g_autoptr(GArray) labelled = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) happened = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) announced = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) called_off = g_array_new (FALSE, FALSE, sizeof (double));
  double last_candidate = -G_MAXDOUBLE;
  Rect r = { 0 };

  /* the bars in view, clipped to the plot and merged into runs by status
   * (chart_add_span), and the bars that might carry a label, noted on the
   * way */
  for (guint i = first_bar_from (lane, self->from_us); i < lane->bars->len; i++)
    {
      const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, i);
      double x0, x1;

      if (bar->start_us >= self->to_us)
        break;
      if (bar->end_us <= self->from_us)
        continue;
      bar_rect (self, l, bar, &r);
      x0 = MAX (r.x, self->plot_x - 2);
      x1 = MIN (r.x + r.width, right + 2);
      /* a label needs a pixel of bar and room beside the last candidate */
      if (x1 - x0 >= 1 && x0 >= last_candidate + self->digit_w)
        {
          g_array_append_val (labelled, i);
          last_candidate = x0;
        }
      chart_add_span (bar->status == NHS_EVENT_STATUS_HAPPENED ? happened :
                      bar->status == NHS_EVENT_STATUS_CALLED_OFF ? called_off : announced, x0, x1, 0.5);
    }

  /* walkouts that happened as one path: a fill, then the group's pattern */
  for (guint k = 0; k < happened->len; k += 2)
    if (RUN_W (happened, k) >= 0)
      cairo_rectangle (cr, SPAN_X0 (happened, k), r.y, RUN_W (happened, k), r.height);
  chart_fill_lane_path (self, cr, (int) l, 1);

  /* announced walkouts: a light fill and an outline; called-off ones: a
   * dashed outline, each kind one path. Runs too narrow for an outline to
   * show (a dense lane has a thousand) are filled instead, lighter than
   * walkouts that happened: stroking them one by one, dashed, was the
   * render's hot spot (docs/benchmarks.md). */
  for (int is_called_off = 0; is_called_off <= 1; is_called_off++)
    {
      GArray *runs = is_called_off ? called_off : announced;
      gboolean any_wide = FALSE, any_thin = FALSE;

      for (guint k = 0; k < runs->len; k += 2)
        if (RUN_W (runs, k) >= 0 && RUN_W (runs, k) < OUTLINED_BAR_W)
          {
            cairo_rectangle (cr, SPAN_X0 (runs, k), r.y, MAX (RUN_W (runs, k), 1), r.height);
            any_thin = TRUE;
          }
      if (any_thin)
        {
          chart_set_color (cr, &c, is_called_off ? 0.35 : 0.6);
          cairo_fill (cr);
        }
      for (guint k = 0; k < runs->len; k += 2)
        if (RUN_W (runs, k) >= OUTLINED_BAR_W)
          {
            cairo_rectangle (cr, SPAN_X0 (runs, k) + 0.75, r.y + 0.75, RUN_W (runs, k) - 1.5, r.height - 1.5);
            any_wide = TRUE;
          }
      if (!any_wide)
        continue;
      if (!is_called_off)
        {
          chart_set_color (cr, &c, 0.25);
          cairo_fill_preserve (cr);
        }
      chart_set_color (cr, &c, 1);
      cairo_set_line_width (cr, 1.5);
      chart_set_dash (cr, is_called_off ? 1 : 0, 1.5);
      cairo_stroke (cr);
      chart_set_dash (cr, 0, 1);
    }

  for (guint k = 0; k < labelled->len; k++)
    {
      const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, g_array_index (labelled, guint, k));
      bar_rect (self, l, bar, &r);
      draw_bar_label (self, cr, l, bar, &r, &last_label_end);
    }
}

static void
draw_lane_label (NhsChartRenderer *self,
                 cairo_t          *cr,
                 guint             l)
{
  const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
  double ly, lh;
  double name_h = chart_line_height (self, TEXT_BOLD);
  double small_h = chart_line_height (self, TEXT_SMALL);
  gboolean two_lines = self->lane_h >= name_h + small_h + 2;
  double top;

  chart_lane_band (self, l, &ly, &lh);
  top = ly + (lh - (two_lines ? name_h + small_h : name_h)) / 2;
  /* a lane thinner than its name keeps its swatch; the legend names it */
  if (self->lane_h >= name_h)
    chart_show_text (self, cr, nhs_group_get_short_name (lane->group), TEXT_BOLD, self->plot_x - 9, top, 1,
                     &self->style.foreground, 0.9);
  if (two_lines)
    {
      g_autofree char *days = chart_lane_days_label (lane);
      chart_show_text (self, cr, days, TEXT_SMALL, self->plot_x - 9, top + name_h, 1, &self->style.foreground, 0.65);
    }
  /* the group's colour and pattern beside its name */
  chart_draw_swatch (self, cr, (int) l, KEY_MANDATE, self->plot_x - 6, ly + (lh - self->bar_h) / 2, 4, self->bar_h, 1);
}

static void
draw_timeline (NhsChartRenderer *self,
               cairo_t          *cr)
{
  guint n = self->lane_row->len;

  if (self->style.mode != NHS_CHART_MODE_TIMELINE || nhs_chart_model_get_n_visible_lanes (self->model) == 0)
    return;
  /* the mandates layer shades each lane under its walkouts, in their clip */
  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->lanes_y, self->plot_w, self->lanes_h);
  cairo_clip (cr);
  for (guint l = 0; l < n; l++)
    if (chart_lane_shown (self, l))
      {
        double ly, lh;
        chart_lane_band (self, l, &ly, &lh);
        if (g_array_index (self->lane_row, int, l) > 0)
          chart_draw_rule (self, cr, ly, 0.1);
        chart_draw_mandates (self, cr, l, ly, lh);
      }
  draw_joint_bands (self, cr);
  for (guint l = 0; l < n; l++)
    if (chart_lane_shown (self, l))
      draw_lane (self, cr, l);
  cairo_restore (cr);

  for (guint l = 0; l < n; l++)
    if (chart_lane_shown (self, l))
      draw_lane_label (self, cr, l);
}

static LayerHit
lanes_hit (NhsChartRenderer *self,
           double            x,
           double            y,
           NhsChartHit      *hit)
{
  gint64 t = chart_x_to_time (self, x);
  gint64 slop = (gint64) (HIT_SLOP / self->plot_w * (double) (self->to_us - self->from_us));

  const NhsChartLane *lane;
  double best = G_MAXDOUBLE;
  int l;

  if (!chart_lane_at (self, x, y, &l) || l < 0)
    return LAYER_HIT_PASS;
  lane = nhs_chart_model_get_lane (self->model, l);
  /* the narrowest bar under the pointer: the most specific */
  for (guint i = first_bar_from (lane, t - slop); i < lane->bars->len; i++)
    {
      const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, i);
      Rect r;

      if (bar->start_us > t + slop)
        break;
      bar_rect (self, l, bar, &r);
      if (x >= r.x - HIT_SLOP && x <= r.x + r.width + HIT_SLOP &&
          y >= r.y - 3 && y <= r.y + r.height + 3 && r.width < best)
        {
          *hit = (NhsChartHit) { NHS_CHART_HIT_BAR, l, i, bar->event };
          best = r.width;
        }
    }
  /* nothing: the mandate under the walkouts, if any */
  return best < G_MAXDOUBLE ? LAYER_HIT_FOUND : LAYER_HIT_PASS;
}

static void
lanes_highlight (NhsChartRenderer *self,
                 cairo_t          *cr,
                 NhsEvent         *event,
                 NhsChartHighlight how)
{
  if (self->style.mode != NHS_CHART_MODE_TIMELINE || nhs_event_get_kind (event) != NHS_EVENT_KIND_STRIKE)
    return;
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);

      if (!chart_lane_shown (self, l) || !nhs_event_has_group (event, lane->group))
        continue;
      for (guint i = first_bar_from (lane, nhs_event_get_start_us (event)); i < lane->bars->len; i++)
        {
          const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, i);
          Rect r;
          if (bar->start_us > nhs_event_get_start_us (event))
            break;
          if (bar->event != event)
            continue;
          bar_rect (self, l, bar, &r);
          chart_inflate_rect (cr, &r, 2);
          chart_outline (self, cr, how);
        }
    }
}

static void
lanes_measure (NhsChartRenderer *self,
               NhsChartMeasure  *measure)
{
  double w;

  for (guint l = 0; l < self->lane_row->len; l++)
    if (chart_lane_shown (self, l))
      {
        chart_text_size (self, nhs_group_get_short_name (nhs_chart_model_get_lane (self->model, l)->group), TEXT_BOLD, &w, NULL);
        measure->left = MAX (measure->left, w);
      }
}

const NhsChartLayer nhs_chart_lanes_layer = {
  .measure = lanes_measure,
  .draw = draw_timeline,
  .hit = lanes_hit,
  .highlight = lanes_highlight,
};
