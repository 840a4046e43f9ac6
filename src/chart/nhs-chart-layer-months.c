/* nhs-chart-layer-months.c: the monthly view: strike days per month, stacked by group
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <math.h>

#include "nhs-chart-renderer-private.h"

static guint
first_stack_from (GArray *stacks,
                  gint64  from_us)
{
  guint lo = 0, hi = stacks->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (stacks, NhsChartMonthStack, mid).end_us <= from_us)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A month's column segment for one lane: the lanes stack in dataset order */
static gboolean
stack_segment (NhsChartRenderer         *self,
               const NhsChartMonthStack *stack,
               guint                     l,
               Rect                     *r)
{
  double x0 = chart_time_to_x (self, stack->start_us), x1 = chart_time_to_x (self, stack->end_us);
  double gap = MIN (2, (x1 - x0) * 0.15);
  guint below = 0;

  if (stack->days[l] == 0 || !chart_lane_shown (self, l))
    return FALSE;
  for (guint k = 0; k < l; k++)
    if (chart_lane_shown (self, k))
      below += stack->days[k];
  r->x = x0 + gap;
  r->width = MAX (x1 - x0 - 2 * gap, 1);
  r->y = self->lanes_y + self->lanes_h - (below + stack->days[l]) / self->month_max * self->lanes_h;
  r->height = stack->days[l] / self->month_max * self->lanes_h;
  return TRUE;
}

static void
draw_monthly (NhsChartRenderer *self,
              cairo_t          *cr)
{
  GArray *stacks = nhs_chart_model_get_month_stacks (self->model);
  double step = chart_nice_step (MAX (nhs_chart_model_get_max_month_total (self->model), 1), chart_axis_ticks (self, self->lanes_h), 1);
  guint first = first_stack_from (stacks, self->from_us);
  double lh = chart_line_height (self, TEXT_SMALL);

  if (self->style.mode != NHS_CHART_MODE_MONTHLY || nhs_chart_model_get_n_visible_lanes (self->model) == 0)
    return;
  self->month_max = ceil (MAX (nhs_chart_model_get_max_month_total (self->model), 1) / step) * step;
  chart_draw_value_axis (self, cr, self->lanes_y, self->lanes_h, self->month_max, step, FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->lanes_y - lh - 2, self->plot_w, self->lanes_h + lh + 2);
  cairo_clip (cr);
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      Rect r;

      if (!chart_lane_shown (self, l))
        continue;
      for (guint k = first; k < stacks->len; k++)
        {
          const NhsChartMonthStack *stack = &g_array_index (stacks, NhsChartMonthStack, k);
          if (stack->start_us >= self->to_us)
            break;
          if (!stack_segment (self, stack, l, &r))
            continue;
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        }
      chart_fill_lane_path (self, cr, (int) l, 1);
    }

  /* totals on the columns that have room */
  for (guint k = first; k < stacks->len; k++)
    {
      const NhsChartMonthStack *stack = &g_array_index (stacks, NhsChartMonthStack, k);
      guint total = 0;
      g_autofree char *label = NULL;
      double x0, x1, w;

      if (stack->start_us >= self->to_us)
        break;
      for (guint l = 0; l < self->lane_row->len; l++)
        if (chart_lane_shown (self, l))
          total += stack->days[l];
      if (total == 0)
        continue;
      label = g_strdup_printf ("%u", total);
      x0 = chart_time_to_x (self, stack->start_us);
      x1 = chart_time_to_x (self, stack->end_us);
      chart_text_size (self, label, TEXT_SMALL, &w, NULL);
      if (w + 2 <= x1 - x0)
        chart_show_text (self, cr, label, TEXT_SMALL, (x0 + x1) / 2,
                   self->lanes_y + self->lanes_h - total / self->month_max * self->lanes_h - lh, 0.5,
                   &self->style.foreground, 0.8);
    }
  cairo_restore (cr);
}

static LayerHit
months_hit (NhsChartRenderer *self,
            double            x,
            double            y,
            NhsChartHit      *hit)
{
  GArray *stacks = nhs_chart_model_get_month_stacks (self->model);
  gint64 t = chart_x_to_time (self, x);
  guint k = first_stack_from (stacks, t);
  const NhsChartMonthStack *stack;

  if (self->style.mode != NHS_CHART_MODE_MONTHLY || !chart_in_plot_x (self, x) ||
      y < self->lanes_y || y >= self->lanes_y + self->lanes_h)
    return LAYER_HIT_PASS;
  if (k >= stacks->len)
    return LAYER_HIT_NONE;
  stack = &g_array_index (stacks, NhsChartMonthStack, k);
  if (t < stack->start_us)
    return LAYER_HIT_NONE;
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      Rect r;
      if (stack_segment (self, stack, l, &r) && y >= r.y && y < r.y + r.height)
        {
          *hit = (NhsChartHit) { NHS_CHART_HIT_MONTH, (int) l, k, NULL };
          return LAYER_HIT_FOUND;
        }
    }
  return LAYER_HIT_NONE;
}

/* A walkout shades the months it spans */
static void
months_highlight (NhsChartRenderer *self,
                  cairo_t          *cr,
                  NhsEvent         *event,
                  NhsChartHighlight how)
{
  double x0, x1;

  if (self->style.mode != NHS_CHART_MODE_MONTHLY || nhs_event_get_kind (event) != NHS_EVENT_KIND_STRIKE)
    return;
  x0 = chart_time_to_x (self, nhs_event_get_start_us (event));
  x1 = MAX (chart_time_to_x (self, nhs_event_get_end_us (event)), x0 + 3);
  cairo_rectangle (cr, x0, self->lanes_y, x1 - x0, self->lanes_h);
  chart_set_color (cr, &self->style.foreground, 0.12);
  cairo_fill_preserve (cr);
  chart_outline (self, cr, how);
}

static gboolean
months_highlight_hit (NhsChartRenderer  *self,
                      cairo_t           *cr,
                      const NhsChartHit *hit)
{
  Rect r;

  if (hit->kind != NHS_CHART_HIT_MONTH)
    return FALSE;
  if (stack_segment (self, &g_array_index (nhs_chart_model_get_month_stacks (self->model), NhsChartMonthStack, hit->index),
                     hit->lane, &r))
    {
      chart_inflate_rect (cr, &r, 1);
      chart_outline (self, cr, NHS_CHART_HIGHLIGHT_HOVER);
    }
  return TRUE;
}

const NhsChartLayer nhs_chart_months_layer = {
  .draw = draw_monthly,
  .hit = months_hit,
  .highlight = months_highlight,
  .highlight_hit = months_highlight_hit,
};
