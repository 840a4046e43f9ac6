/* nhs-chart-layer-axes.c: the time axis, its grid, and the value axes of the panels
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-renderer-private.h"

typedef enum {
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} TimeUnit;

typedef struct
{
  TimeUnit unit;
  int      step;
  double   days;        /* roughly, to choose by pixels per day */
  double   min_px;      /* at a 12 px font */
} TickSpec;

static const TickSpec tick_specs[] = {
  { UNIT_DAY, 1, 1, 22 },
  { UNIT_DAY, 2, 2, 24 },
  { UNIT_DAY, 7, 7, 30 },
  { UNIT_DAY, 14, 14, 30 },
  { UNIT_MONTH, 1, 30.44, 30 },
  { UNIT_MONTH, 3, 91.3, 34 },
  { UNIT_MONTH, 6, 182.6, 34 },
  { UNIT_YEAR, 1, 365.25, 40 },
  { UNIT_YEAR, 2, 730.5, 40 },
  { UNIT_YEAR, 5, 1826.2, 40 },
  { UNIT_YEAR, 10, 3652.5, 40 },
  { UNIT_YEAR, 50, 18262, 40 },
};

/* The first tick of the unit at or before us */
static GDateTime *
tick_floor (NhsChartRenderer *self,
            const TickSpec   *spec,
            gint64            us)
{
  GTimeZone *tz = nhs_chart_model_get_timezone (self->model);
  g_autoptr(GDateTime) dt = chart_local_time (self, us);
  int year = g_date_time_get_year (dt);
  int month = g_date_time_get_month (dt);

  switch (spec->unit)
    {
    case UNIT_YEAR:
      year -= ((year % spec->step) + spec->step) % spec->step;
      return g_date_time_new (tz, year, 1, 1, 0, 0, 0);
    case UNIT_MONTH:
      month -= (month - 1) % spec->step;
      return g_date_time_new (tz, year, month, 1, 0, 0, 0);
    case UNIT_DAY:
    default:
      {
        g_autoptr(GDateTime) day = g_date_time_new (tz, year, month, g_date_time_get_day_of_month (dt), 0, 0, 0);
        int back = 0;
        if (spec->step == 7)
          back = g_date_time_get_day_of_week (day) - 1;
        else if (spec->step > 1)
          back = (int) (((g_date_time_to_unix (day) + 43200) / 86400) % spec->step);
        return g_date_time_add_days (day, -back);
      }
    }
}

static GDateTime *
tick_next (const TickSpec *spec,
           GDateTime      *dt)
{
  switch (spec->unit)
    {
    case UNIT_YEAR:
      return g_date_time_add_years (dt, spec->step);
    case UNIT_MONTH:
      return g_date_time_add_months (dt, spec->step);
    case UNIT_DAY:
    default:
      return g_date_time_add_days (dt, spec->step);
    }
}

static gint64
dt_us (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static const TickSpec *
choose_ticks (NhsChartRenderer *self)
{
  double px_per_day = self->plot_w / ((double) (self->to_us - self->from_us) / DAY_US);

  for (guint i = 0; i < G_N_ELEMENTS (tick_specs); i++)
    if (tick_specs[i].days * px_per_day >= tick_specs[i].min_px * self->font / 12)
      return &tick_specs[i];
  return &tick_specs[G_N_ELEMENTS (tick_specs) - 1];
}

/* From the top of the strike panel to the axis under the marker rows */
static void
axes_draw (NhsChartRenderer *self,
           cairo_t          *cr)
{
  double grid_top = self->lanes_y, axis_y = self->axis_y;
  const TickSpec *spec = choose_ticks (self);
  const NhsChartColor *fg = &self->style.foreground;
  double lh = chart_line_height (self, TEXT_SMALL);
  double right = self->plot_x + self->plot_w;
  g_autoptr(GDateTime) dt = tick_floor (self, spec, self->from_us);
  TickSpec coarse = { spec->unit == UNIT_DAY ? UNIT_MONTH : UNIT_YEAR, 1, 0, 0 };
  g_autoptr(GDateTime) cdt = NULL;
  const char *fine_format;
  const char *coarse_format;
  /* TRANSLATORS: a month under the days of the time axis where "%B %Y" has no room, "Sep 2023" */
  const char *shorter_formats[] = { _("%b %Y"), _("%b") };
  guint guard = 0;

  /* TRANSLATORS: a month on the chart's time axis, "Mar"; keep it short;
   * see g_date_time_format() */
  fine_format = spec->unit == UNIT_YEAR ? "%Y" : spec->unit == UNIT_MONTH ? _("%b") : "%-d";
  /* TRANSLATORS: a month under the days of the time axis, "March 2023" */
  coarse_format = spec->unit == UNIT_DAY ? _("%B %Y") : "%Y";

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x - 1, grid_top, self->plot_w + 2, self->height - grid_top);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1);

  /* fine ticks, their grid lines and labels */
  while (dt_us (dt) < self->to_us && guard++ < 4000)
    {
      g_autoptr(GDateTime) next = tick_next (spec, dt);
      double x0 = chart_time_to_x (self, dt_us (dt));
      double x1 = chart_time_to_x (self, dt_us (next));
      g_autofree char *label = g_date_time_format (dt, fine_format);
      double w;

      if (x0 >= self->plot_x - 0.5)
        {
          cairo_move_to (cr, round (x0) + 0.5, grid_top);
          cairo_line_to (cr, round (x0) + 0.5, axis_y);
          chart_set_color (cr, fg, 0.07);
          cairo_stroke (cr);
          cairo_move_to (cr, round (x0) + 0.5, axis_y);
          cairo_line_to (cr, round (x0) + 0.5, axis_y + 4);
          chart_set_color (cr, fg, 0.5);
          cairo_stroke (cr);
        }
      chart_text_size (self, label, TEXT_SMALL, &w, NULL);
      /* a label names the interval after its tick where the interval has room */
      if (spec->step == 1 || spec->unit == UNIT_MONTH)
        {
          double cx = (MAX (x0, self->plot_x) + MIN (x1, right)) / 2;
          if (MIN (x1, right) - MAX (x0, self->plot_x) >= w + 2)
            chart_show_text (self, cr, label, TEXT_SMALL, cx, axis_y + 5, 0.5, fg, 0.75);
        }
      else if (x0 - w / 2 >= self->plot_x && x0 + w / 2 <= right)
        chart_show_text (self, cr, label, TEXT_SMALL, x0, axis_y + 5, 0.5, fg, 0.75);

      g_date_time_unref (dt);
      dt = g_steal_pointer (&next);
    }

  /* coarse row: the years under months, the months under days */
  if (spec->unit != UNIT_YEAR)
    {
      cdt = tick_floor (self, &coarse, self->from_us);
      guard = 0;
      while (dt_us (cdt) < self->to_us && guard++ < 4000)
        {
          g_autoptr(GDateTime) next = tick_next (&coarse, cdt);
          double x0 = chart_time_to_x (self, dt_us (cdt));
          double x1 = MIN (chart_time_to_x (self, dt_us (next)), right);
          g_autofree char *label = g_date_time_format (cdt, coarse_format);
          double w;

          if (x0 >= self->plot_x)
            {
              cairo_move_to (cr, round (x0) + 0.5, grid_top);
              cairo_line_to (cr, round (x0) + 0.5, axis_y + 5 + 2 * lh);
              chart_set_color (cr, fg, 0.16);
              cairo_stroke (cr);
            }
          x0 = MAX (x0, self->plot_x);
          chart_text_size (self, label, TEXT_SMALL_BOLD, &w, NULL);
          /* every month named, at any zoom: shorter where the long name has
           * no room ("Sep 2023", then "Sep") */
          for (guint i = 0; spec->unit == UNIT_DAY && i < G_N_ELEMENTS (shorter_formats) && x1 - x0 < w + 4; i++)
            {
              g_free (label);
              label = g_date_time_format (cdt, shorter_formats[i]);
              chart_text_size (self, label, TEXT_SMALL_BOLD, &w, NULL);
            }
          /* stays in view while its span is: at the left edge when panned */
          if (x1 - x0 >= w + 4)
            chart_show_text (self, cr, label, TEXT_SMALL_BOLD, x0 + 3, axis_y + 5 + lh, 0, fg, 0.8);
          g_date_time_unref (cdt);
          cdt = g_steal_pointer (&next);
        }
    }
  cairo_restore (cr);

  chart_draw_rule (self, cr, axis_y, 0.5);
}

void
chart_draw_value_axis (NhsChartRenderer *self,
                       cairo_t          *cr,
                       double            top,
                       double            height,
                       double            max,
                       double            step,
                       gboolean          percent)
{
  const NhsChartColor *fg = &self->style.foreground;
  double lh = chart_line_height (self, TEXT_SMALL);
  /* too short for a number at every tick, only the ends are named: the
   * first thing to go when the chart gets short */
  gboolean ends_only = step / max * height < lh + 1;

  for (double v = 0; v <= max + 1e-9; v += step)
    {
      double y = top + height - v / max * height;
      g_autofree char *num = chart_format_number (v);
      g_autofree char *label = percent ? chart_format_percent (num) : g_strdup (num);
      gboolean named = !ends_only || v == 0 || v + step > max + 1e-9;

      chart_draw_rule (self, cr, y, v == 0 ? 0.3 : 0.08);
      if (named)
        chart_show_text (self, cr, label, TEXT_SMALL, self->plot_x - 4, y - lh / 2, 1, fg, 0.7);
    }
}

/* The room under the plot for the ticks and their one or two rows of names */
double
chart_axes_height (NhsChartRenderer *self)
{
  return 6 + chart_line_height (self, TEXT_SMALL) * (choose_ticks (self)->unit == UNIT_YEAR ? 1 : 2);
}

/* The value axes' numbers go left of the plot */
static void
axes_measure (NhsChartRenderer *self,
              NhsChartMeasure  *measure)
{
  g_autofree char *widest_pay = chart_format_percent ("100");
  double w;

  chart_text_size (self, widest_pay, TEXT_SMALL, &w, NULL);
  measure->left = MAX (measure->left, w);
}

const NhsChartLayer nhs_chart_axes_layer = {
  .measure = axes_measure,
  .draw = axes_draw,
};
