/* nhs-chart-renderer.c: draws a chart model with cairo and pango
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout, top to bottom: title and subtitle, legend, the "Strike days" panel
 * (a lane per group, or stacked months), the "Pay" panel, rows of markers
 * for ballots, votes, offers, deals and talks, the shared time axis, and the
 * source line. Groups differ by more than hue: each has a fill pattern and a
 * line dash as well as a colour, and lanes and lines carry their names.
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nhs-chart-renderer.h"

#define DAY_US (G_USEC_PER_SEC * (gint64) 86400)
#define N_PATTERNS 4
#define HIT_SLOP 5.0

typedef struct
{
  double x, y, width, height;
} Rect;

typedef struct
{
  Rect rect;
  int  lane;
} LegendItem;

typedef enum {
  TEXT_NORMAL,
  TEXT_SMALL,
  TEXT_BOLD,
  TEXT_SMALL_BOLD,
  TEXT_TITLE,
  N_TEXT_KINDS
} TextKind;

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

struct _NhsChartRenderer
{
  GObject parent_instance;

  NhsChartStyle style;
  char *font_family;

  /* the last render */
  NhsChartModel *model;
  double width;
  double height;
  gint64 from_us;
  gint64 to_us;
  double font;
  double plot_x;
  double plot_w;
  double lanes_y;           /* the strike panel's plotting area */
  double lanes_h;
  double pay_y;             /* the pay panel's, height 0 when hidden */
  double pay_h;
  double markers_y;
  double marker_row_h;
  int marker_row[NHS_CHART_MARKER_N];   /* -1: no row */
  GArray *lane_row;         /* int per lane: its row among the visible, or -1 */
  double lane_h;
  double bar_h;
  double month_max;         /* the monthly view's scale */
  double cum_max;
  double pay_max;
  GArray *legend;           /* LegendItem */
  GArray *colors;           /* NhsChartColor per lane */

  /* only while rendering: the layout, its fonts, measures worth keeping */
  PangoLayout *layout;
  PangoFontDescription *fonts[N_TEXT_KINDS];
  double line_h[N_TEXT_KINDS];
  double digit_w;
  double mandate_w;
  cairo_pattern_t *hatches[N_PATTERNS];
};

G_DEFINE_FINAL_TYPE (NhsChartRenderer, nhs_chart_renderer, G_TYPE_OBJECT)

/* Colours */

static const char * const fallback_palette[] = {
  "#1c71d8", "#e66100", "#9141ac", "#26a269", "#c01c28", "#865e3c", "#e5a50a", "#63452c",
};

static NhsChartColor
parse_color (const char *hex,
             guint       index)
{
  NhsChartColor c = { 0, 0, 0, 1 };
  unsigned int r, g, b;

  if (hex == NULL || sscanf (hex, "#%02x%02x%02x", &r, &g, &b) != 3)
    return parse_color (fallback_palette[index % G_N_ELEMENTS (fallback_palette)], 0);
  c.red = r / 255.0;
  c.green = g / 255.0;
  c.blue = b / 255.0;
  return c;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const NhsChartColor *c)
{
  return 0.2126 * linear (c->red) + 0.7152 * linear (c->green) + 0.0722 * linear (c->blue);
}

static double
contrast (const NhsChartColor *a,
          const NhsChartColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
rgb_to_hsl (const NhsChartColor *c,
            double              *h,
            double              *s,
            double              *l)
{
  double max = MAX (c->red, MAX (c->green, c->blue));
  double min = MIN (c->red, MIN (c->green, c->blue));
  double d = max - min;

  *l = (max + min) / 2;
  *h = *s = 0;
  if (d < 1e-9)
    return;
  *s = *l > 0.5 ? d / (2 - max - min) : d / (max + min);
  if (max == c->red)
    *h = fmod ((c->green - c->blue) / d + 6, 6);
  else if (max == c->green)
    *h = (c->blue - c->red) / d + 2;
  else
    *h = (c->red - c->green) / d + 4;
  *h /= 6;
}

static double
hue_channel (double p,
             double q,
             double t)
{
  t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
  if (t < 1.0 / 6)
    return p + (q - p) * 6 * t;
  if (t < 0.5)
    return q;
  if (t < 2.0 / 3)
    return p + (q - p) * (2.0 / 3 - t) * 6;
  return p;
}

static NhsChartColor
hsl_to_rgb (double h,
            double s,
            double l)
{
  double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  double p = 2 * l - q;

  return (NhsChartColor) { hue_channel (p, q, h + 1.0 / 3), hue_channel (p, q, h), hue_channel (p, q, h - 1.0 / 3), 1 };
}

static gboolean
is_dark (const NhsChartColor *background)
{
  return luminance (background) < 0.25;
}

/* A group's colour, lightened on a dark background or darkened on a light
 * one until it stands out from it (3:1, as WCAG asks of graphics) */
static NhsChartColor
adjust_to_background (NhsChartColor        color,
                      const NhsChartColor *background)
{
  double h, s, l;
  gboolean dark = is_dark (background);

  rgb_to_hsl (&color, &h, &s, &l);
  for (int i = 0; i < 40 && contrast (&color, background) < 3.0; i++)
    {
      l = CLAMP (l + (dark ? 0.02 : -0.02), 0.0, 1.0);
      color = hsl_to_rgb (h, s, l);
    }
  return color;
}

static void
set_color (cairo_t             *cr,
           const NhsChartColor *c,
           double               alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static NhsChartColor
lane_color (NhsChartRenderer *self,
            int               lane)
{
  if (lane < 0 || (guint) lane >= self->colors->len)
    return self->style.foreground;
  return g_array_index (self->colors, NhsChartColor, lane);
}

/* Black or white, whichever reads better on the colour */
static NhsChartColor
ink_on (const NhsChartColor *c)
{
  NhsChartColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  return contrast (c, &white) >= contrast (c, &black) ? white : black;
}

/* Patterns and dashes: the second cue besides colour */

static guint
pattern_of (int lane)
{
  return lane < 0 ? 0 : (guint) lane % N_PATTERNS;
}

/* A tile of the group's pattern, in the background colour, repeating: a
 * source to fill any path with, made once per render. It is an image at the
 * target's pixel density (four times finer for SVG, PDF and the widget's
 * recording), not a similar surface: cairo 1.16 loses memory destroying
 * those made for a PDF. */
static cairo_pattern_t *
hatch_for (NhsChartRenderer *self,
           cairo_t          *cr,
           guint             pattern)
{
  double size = pattern == 2 ? 4 : 6;
  double density = 4, sy;
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_t *tile;
  cairo_t *t;

  if (self->hatches[pattern] != NULL)
    return self->hatches[pattern];

  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE)
    cairo_surface_get_device_scale (target, &density, &sy);
  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (size * density), (int) (size * density));
  cairo_surface_set_device_scale (tile, density, density);
  t = cairo_create (tile);
  set_color (t, &self->style.background, 0.55);
  cairo_set_line_width (t, 1.4);
  if (pattern == 1 || pattern == 3)
    {
      /* "/", with the corners that make it meet the next tile */
      cairo_move_to (t, -1, size + 1);
      cairo_line_to (t, size + 1, -1);
      cairo_move_to (t, -1, 1);
      cairo_line_to (t, 1, -1);
      cairo_move_to (t, size - 1, size + 1);
      cairo_line_to (t, size + 1, size - 1);
    }
  if (pattern == 3)
    {
      cairo_move_to (t, -1, -1);
      cairo_line_to (t, size + 1, size + 1);
      cairo_move_to (t, size - 1, -1);
      cairo_line_to (t, size + 1, 1);
      cairo_move_to (t, -1, size - 1);
      cairo_line_to (t, 1, size + 1);
    }
  if (pattern == 2)
    {
      cairo_move_to (t, 0, 2);
      cairo_line_to (t, size, 2);
    }
  cairo_stroke (t);
  cairo_destroy (t);

  self->hatches[pattern] = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (self->hatches[pattern], CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return self->hatches[pattern];
}

/* Fills the current path in the lane's colour, then its pattern over it */
static void
fill_lane_path (NhsChartRenderer *self,
                cairo_t          *cr,
                int               lane,
                double            alpha)
{
  NhsChartColor c = lane_color (self, lane);
  guint pattern = pattern_of (lane);

  set_color (cr, &c, alpha);
  if (pattern == 0)
    {
      cairo_fill (cr);
      return;
    }
  cairo_fill_preserve (cr);
  cairo_set_source (cr, hatch_for (self, cr, pattern));
  cairo_fill (cr);
}

static void
set_dash (cairo_t *cr,
          guint    pattern,
          double   width)
{
  double dashed[] = { 4 * width, 2 * width };
  double dotted[] = { 0, 2 * width };
  double dash_dot[] = { 4 * width, 1.6 * width, 0, 1.6 * width };

  cairo_set_line_cap (cr, pattern == 0 || pattern == 1 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  switch (pattern)
    {
    case 1:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case 2:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    case 3:
      cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
      break;
    default:
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Marker shapes, centred on (x, y), radius r; the caller fills or strokes */
static void
shape_path (cairo_t           *cr,
            NhsChartMarkerKind kind,
            double             x,
            double             y,
            double             r)
{
  switch (kind)
    {
    case NHS_CHART_MARKER_BALLOT:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case NHS_CHART_MARKER_VOTE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case NHS_CHART_MARKER_OFFER:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case NHS_CHART_MARKER_DEAL:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y + r * 0.9);
      cairo_line_to (cr, x - r * 1.15, y + r * 0.9);
      cairo_close_path (cr);
      break;
    case NHS_CHART_MARKER_TALKS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x - r * 0.5, y, r * 0.7, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, x + r * 0.5, y, r * 0.7, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      break;
    }
}

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
    shape_path (cr, NHS_CHART_MARKER_OFFER, x, y, r);
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
      set_color (cr, &self->style.background, self->style.fill_background ? 1 : 0.85);
      cairo_fill_preserve (cr);
      set_color (cr, color, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  else if (outlined)
    {
      set_color (cr, color, 1);
      cairo_fill_preserve (cr);
      set_color (cr, &self->style.background, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    {
      set_color (cr, color, 1);
      cairo_fill (cr);
    }
}

static void
draw_pay_point (NhsChartRenderer       *self,
                cairo_t                *cr,
                const NhsChartPayPoint *point,
                double                  x,
                double                  y,
                double                  r)
{
  NhsChartColor c = lane_color (self, point->lane);

  pay_point_path (cr, point->metric, x, y, r);
  paint_pay_path (self, cr, point->metric == NHS_FIGURE_METRIC_PAY_CLAIM, &c, TRUE);
}

/* Text */

static void
make_fonts (NhsChartRenderer *self)
{
  for (guint kind = 0; kind < N_TEXT_KINDS; kind++)
    {
      PangoFontDescription *desc = pango_font_description_from_string (self->font_family);
      double size = self->font;

      if (kind == TEXT_SMALL || kind == TEXT_SMALL_BOLD)
        size *= 0.86;
      else if (kind == TEXT_TITLE)
        size *= 1.5;
      if (kind == TEXT_BOLD || kind == TEXT_SMALL_BOLD || kind == TEXT_TITLE)
        pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
      self->fonts[kind] = desc;
      self->line_h[kind] = 0;
    }
}

static void
free_fonts (NhsChartRenderer *self)
{
  for (guint kind = 0; kind < N_TEXT_KINDS; kind++)
    g_clear_pointer (&self->fonts[kind], pango_font_description_free);
}

static void
set_text (NhsChartRenderer *self,
          const char       *text,
          TextKind          kind)
{
  pango_layout_set_font_description (self->layout, self->fonts[kind]);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_text (self->layout, text, -1);
}

static void
text_size (NhsChartRenderer *self,
           const char       *text,
           TextKind          kind,
           double           *width,
           double           *height)
{
  PangoRectangle logical;

  set_text (self, text, kind);
  pango_layout_get_extents (self->layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Draws text with its top at y, aligned at x by xalign (0 left, 0.5 centre,
 * 1 right); returns its width */
static double
show_text (NhsChartRenderer    *self,
           cairo_t             *cr,
           const char          *text,
           TextKind             kind,
           double               x,
           double               y,
           double               xalign,
           const NhsChartColor *color,
           double               alpha)
{
  double w;

  text_size (self, text, kind, &w, NULL);
  cairo_move_to (cr, x - w * xalign, y);
  set_color (cr, color, alpha);
  pango_cairo_show_layout (cr, self->layout);
  return w;
}

static double
line_height (NhsChartRenderer *self,
             TextKind          kind)
{
  if (self->line_h[kind] == 0)
    text_size (self, "Mg", kind, NULL, &self->line_h[kind]);
  return self->line_h[kind];
}

/* Time */

static GDateTime *
local_time (NhsChartRenderer *self,
            gint64            us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, nhs_chart_model_get_timezone (self->model));
}

static double
time_to_x (NhsChartRenderer *self,
           gint64            t)
{
  return self->plot_x + (double) (t - self->from_us) / (double) (self->to_us - self->from_us) * self->plot_w;
}

static gint64
x_to_time (NhsChartRenderer *self,
           double            x)
{
  return self->from_us + (gint64) ((x - self->plot_x) / self->plot_w * (double) (self->to_us - self->from_us));
}

/* The first tick of the unit at or before us */
static GDateTime *
tick_floor (NhsChartRenderer *self,
            const TickSpec   *spec,
            gint64            us)
{
  GTimeZone *tz = nhs_chart_model_get_timezone (self->model);
  g_autoptr(GDateTime) dt = local_time (self, us);
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

/* A number scale: a step of 1, 2, 2.5 or 5 times a power of ten giving
 * about target intervals up to max */
static double
nice_step (double max,
           int    target,
           double min_step)
{
  double raw = MAX (max, 1e-9) / target;
  double mag = pow (10, floor (log10 (raw)));
  double norm = raw / mag;
  double step = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;

  return MAX (step * mag, min_step);
}

/* How many intervals a value axis of this height has room for: four, or
 * fewer where labels would crowd */
static int
axis_ticks (NhsChartRenderer *self,
            double            height)
{
  return CLAMP ((int) (height / (self->font * 2.2)), 2, 4);
}

static char *
format_number (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static char *
format_percent (const char *number)
{
  /* TRANSLATORS: a percentage, "8.8%"; French writes "8,8 %" with a no-break space */
  return g_strdup_printf (_("%s%%"), number);
}

/* Layout */

static gboolean
lane_shown (NhsChartRenderer *self,
            guint             lane)
{
  return g_array_index (self->lane_row, int, lane) >= 0;
}

static void
compute_colors (NhsChartRenderer *self)
{
  guint n = nhs_chart_model_get_n_lanes (self->model);

  g_array_set_size (self->colors, n);
  for (guint l = 0; l < n; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      NhsChartColor c = parse_color (nhs_group_get_color (lane->group), lane->index);
      g_array_index (self->colors, NhsChartColor, l) = adjust_to_background (c, &self->style.background);
    }
}

static void
compute_rows (NhsChartRenderer *self)
{
  guint n = nhs_chart_model_get_n_lanes (self->model);
  GArray *markers = nhs_chart_model_get_markers (self->model);
  int row = 0;

  g_array_set_size (self->lane_row, n);
  for (guint l = 0; l < n; l++)
    g_array_index (self->lane_row, int, l) = nhs_chart_model_get_lane (self->model, l)->visible ? row++ : -1;

  for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
    self->marker_row[k] = -1;
  for (guint i = 0; i < markers->len; i++)
    self->marker_row[g_array_index (markers, NhsChartMarker, i).kind] = 0;
  row = 0;
  for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
    if (self->marker_row[k] == 0)
      self->marker_row[k] = row++;
}

static int
n_marker_rows (NhsChartRenderer *self)
{
  int n = 0;

  for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
    n = MAX (n, self->marker_row[k] + 1);
  return n;
}

static const char *
marker_row_label (NhsChartMarkerKind kind)
{
  switch (kind)
    {
    case NHS_CHART_MARKER_BALLOT:
      return C_("chart row", "Ballots");
    case NHS_CHART_MARKER_VOTE:
      return C_("chart row", "Votes");
    case NHS_CHART_MARKER_OFFER:
      return C_("chart row", "Offers");
    case NHS_CHART_MARKER_DEAL:
      return C_("chart row", "Deals");
    case NHS_CHART_MARKER_TALKS:
    default:
      return C_("chart row", "Talks");
    }
}

static char *
lane_days_label (const NhsChartLane *lane)
{
  /* TRANSLATORS: strike days of a group, beside its lane and in the legend */
  return g_strdup_printf (ngettext ("%u day", "%u days", lane->strike_days), lane->strike_days);
}

/* The left margin fits the lane names, marker row names and axis numbers */
static double
left_margin (NhsChartRenderer *self)
{
  double widest = 0, w;

  for (guint l = 0; l < self->lane_row->len; l++)
    if (lane_shown (self, l))
      {
        text_size (self, nhs_group_get_short_name (nhs_chart_model_get_lane (self->model, l)->group), TEXT_BOLD, &w, NULL);
        widest = MAX (widest, w);
      }
  for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
    if (self->marker_row[k] >= 0)
      {
        text_size (self, marker_row_label (k), TEXT_SMALL, &w, NULL);
        widest = MAX (widest, w);
      }
  {
    g_autofree char *widest_pay = format_percent ("100");
    text_size (self, widest_pay, TEXT_SMALL, &w, NULL);
  }
  return MAX (widest, w) + self->font;
}

/* The right margin fits the names at the ends of the pay and cumulative lines */
static double
right_margin (NhsChartRenderer *self)
{
  double widest = 0, w;

  if (!self->style.show_pay && !self->style.show_cumulative)
    return self->font * 0.5;
  for (guint l = 0; l < self->lane_row->len; l++)
    if (lane_shown (self, l))
      {
        const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
        g_autofree char *label = g_strdup_printf ("%s %u", nhs_group_get_short_name (lane->group), lane->strike_days);
        text_size (self, label, TEXT_SMALL_BOLD, &w, NULL);
        widest = MAX (widest, w);
      }
  return widest + self->font;
}

/* Drawing: title, legend, source */

static char *
dup_range_text (NhsChartRenderer *self)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GDateTime) from = local_time (self, self->from_us);
  g_autoptr(GDateTime) to = local_time (self, self->to_us - 1);

  /* TRANSLATORS: a day in the chart's subtitle, source line and tooltips,
   * "1 March 2023"; see g_date_time_format() */
  a = g_date_time_format (from, _("%-d %B %Y"));
  b = g_date_time_format (to, _("%-d %B %Y"));
  /* TRANSLATORS: the range a chart shows, "1 March 2023 to 31 December 2025" */
  return g_strdup_printf (_("%s to %s"), a, b);
}

static double
draw_title (NhsChartRenderer *self,
            cairo_t          *cr,
            double            x,
            double            y)
{
  NhsDataset *dataset = nhs_chart_model_get_dataset (self->model);
  const char *filter = nhs_chart_model_get_filter_description (self->model);
  g_autofree char *range = dup_range_text (self);
  g_autofree char *subtitle = NULL;
  const char *what;
  double h;

  if (self->style.mode == NHS_CHART_MODE_MONTHLY)
    what = self->style.show_pay ? _("Strike days per month by group, and pay") : _("Strike days per month by group");
  else
    what = self->style.show_pay ? _("Walkouts and strike mandates by group, and pay") : _("Walkouts and strike mandates by group");

  if (filter != NULL)
    /* TRANSLATORS: the chart's subtitle: what, when, and the filter */
    subtitle = g_strdup_printf (_("%s · %s · Filter: %s"), what, range, filter);
  else
    subtitle = g_strdup_printf ("%s · %s", what, range);

  show_text (self, cr, nhs_dataset_get_title (dataset), TEXT_TITLE, x, y, 0, &self->style.foreground, 1);
  h = line_height (self, TEXT_TITLE);
  pango_layout_set_width (self->layout, -1);
  set_text (self, subtitle, TEXT_NORMAL);
  pango_layout_set_width (self->layout, (int) ((self->width - 2 * x) * PANGO_SCALE));
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y + h);
  set_color (cr, &self->style.foreground, 0.7);
  pango_cairo_show_layout (cr, self->layout);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
  return h + line_height (self, TEXT_NORMAL);
}

typedef enum {
  KEY_MANDATE,
  KEY_ANNOUNCED,
  KEY_CALLED_OFF,
  KEY_AWARD,
  KEY_OFFER,
  KEY_CLAIM,
} LegendKey;

static void
draw_swatch (NhsChartRenderer *self,
             cairo_t          *cr,
             int               lane,
             LegendKey         key,
             double            x,
             double            y,
             double            w,
             double            h,
             double            alpha)
{
  NhsChartColor fg = self->style.foreground;

  if (lane >= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      fill_lane_path (self, cr, lane, alpha);
      return;
    }

  switch (key)
    {
    case KEY_MANDATE:
      cairo_rectangle (cr, x, y, w, h);
      set_color (cr, &fg, 0.12);
      cairo_fill (cr);
      cairo_move_to (cr, x, y + 0.5);
      cairo_line_to (cr, x + w, y + 0.5);
      set_color (cr, &fg, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;
    case KEY_ANNOUNCED:
    case KEY_CALLED_OFF:
      cairo_rectangle (cr, x + 0.75, y + 0.75, w - 1.5, h - 1.5);
      set_color (cr, &fg, 0.25);
      if (key == KEY_ANNOUNCED)
        cairo_fill_preserve (cr);
      set_color (cr, &fg, 0.8);
      cairo_set_line_width (cr, 1.5);
      set_dash (cr, key == KEY_CALLED_OFF ? 1 : 0, 1.5);
      cairo_stroke (cr);
      set_dash (cr, 0, 1);
      break;
    case KEY_AWARD:
      cairo_move_to (cr, x, y + h * 0.75);
      cairo_line_to (cr, x + w / 2, y + h * 0.75);
      cairo_line_to (cr, x + w / 2, y + h * 0.25);
      cairo_line_to (cr, x + w, y + h * 0.25);
      set_color (cr, &fg, 0.85);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      break;
    case KEY_OFFER:
    case KEY_CLAIM:
      {
        NhsChartPayPoint point = { NULL, key == KEY_OFFER ? NHS_FIGURE_METRIC_PAY_OFFER : NHS_FIGURE_METRIC_PAY_CLAIM,
                                   0, 0, -1 };
        draw_pay_point (self, cr, &point, x + w / 2, y + h / 2, h * 0.45);
      }
      break;
    default:
      break;
    }
}

static gboolean
model_has_status (NhsChartModel *model,
                  NhsEventStatus status)
{
  for (guint l = 0; l < nhs_chart_model_get_n_lanes (model); l++)
    {
      GArray *bars = nhs_chart_model_get_lane (model, l)->bars;
      for (guint i = 0; i < bars->len; i++)
        if (g_array_index (bars, NhsChartBar, i).status == status)
          return TRUE;
    }
  return FALSE;
}

static gboolean
model_has_mandates (NhsChartModel *model)
{
  for (guint l = 0; l < nhs_chart_model_get_n_lanes (model); l++)
    if (nhs_chart_model_get_lane (model, l)->mandates->len > 0)
      return TRUE;
  return FALSE;
}

/* Lays out and, when cr is not NULL, draws the legend from (x, y) within
 * width; returns its height */
static double
legend_pass (NhsChartRenderer *self,
             cairo_t          *cr,
             double            x0,
             double            y,
             double            width)
{
  double lh = line_height (self, TEXT_NORMAL);
  double sw = self->font * 1.5, sh = self->font * 0.85;
  double x = x0, rows = 1;
  guint n = nhs_chart_model_get_n_lanes (self->model);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) key_ids = g_array_new (FALSE, FALSE, sizeof (int));
  int key;

  if (cr != NULL)
    g_array_set_size (self->legend, 0);

  /* groups first, then what the shapes and shades mean */
  for (guint l = 0; l < n; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      g_autofree char *days = lane_days_label (lane);

      if (!lane->visible && !self->style.legend_shows_hidden)
        continue;
      g_ptr_array_add (keys, lane->visible ? g_strdup_printf ("%s · %s", nhs_group_get_short_name (lane->group), days)
                                           : g_strdup (nhs_group_get_short_name (lane->group)));
      key = (int) l;
      g_array_append_val (key_ids, key);
    }
#define ADD_KEY(id, text) G_STMT_START { g_ptr_array_add (keys, g_strdup (text)); key = -1 - (id); g_array_append_val (key_ids, key); } G_STMT_END
  if (self->style.mode == NHS_CHART_MODE_TIMELINE)
    {
      if (model_has_mandates (self->model))
        ADD_KEY (KEY_MANDATE, _("Strike mandate"));
      if (model_has_status (self->model, NHS_EVENT_STATUS_ANNOUNCED))
        ADD_KEY (KEY_ANNOUNCED, _("Announced"));
      if (model_has_status (self->model, NHS_EVENT_STATUS_CALLED_OFF))
        ADD_KEY (KEY_CALLED_OFF, _("Called off"));
    }
  if (self->style.show_pay)
    {
      ADD_KEY (KEY_AWARD, _("Pay award"));
      ADD_KEY (KEY_OFFER, _("Offer"));
      ADD_KEY (KEY_CLAIM, _("Claim"));
    }
#undef ADD_KEY

  for (guint i = 0; i < keys->len; i++)
    {
      const char *text = g_ptr_array_index (keys, i);
      int id = g_array_index (key_ids, int, i);
      gboolean hidden = id >= 0 && !nhs_chart_model_get_lane (self->model, id)->visible;
      double tw, item_w;

      text_size (self, text, TEXT_NORMAL, &tw, NULL);
      item_w = sw + self->font * 0.4 + tw;
      if (x > x0 && x + item_w > x0 + width)
        {
          x = x0;
          y += lh * 1.15;
          rows++;
        }
      if (cr != NULL)
        {
          double alpha = hidden ? 0.35 : 1;

          draw_swatch (self, cr, id >= 0 ? id : -1, (LegendKey) (-1 - id), x, y + (lh - sh) / 2, sw, sh, alpha);
          show_text (self, cr, text, TEXT_NORMAL, x + sw + self->font * 0.4, y, 0, &self->style.foreground,
                     hidden ? 0.45 : 0.9);
          if (hidden)
            {
              cairo_move_to (cr, x + sw + self->font * 0.4, y + lh / 2);
              cairo_rel_line_to (cr, tw, 0);
              set_color (cr, &self->style.foreground, 0.45);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
          if (id >= 0)
            {
              LegendItem item = { { x - 3, y - 1, item_w + 6, lh + 2 }, id };
              g_array_append_val (self->legend, item);
            }
        }
      x += item_w + self->font * 1.4;
    }
  g_ptr_array_unref (keys);
  return rows * lh + (rows - 1) * lh * 0.15;
}

static double
draw_source (NhsChartRenderer *self,
             cairo_t          *cr,
             double            x,
             double            y_bottom,
             double            width)
{
  NhsDataset *dataset = nhs_chart_model_get_dataset (self->model);
  const char * const *publishers = nhs_chart_model_get_publishers (self->model);
  g_autoptr(GString) text = g_string_new (NULL);
  GDateTime *updated = nhs_dataset_get_updated (dataset);
  guint n = publishers ? g_strv_length ((char **) publishers) : 0;
  double h;

  if (updated != NULL)
    {
      g_autofree char *date = g_date_time_format (updated, _("%-d %B %Y"));
      /* TRANSLATORS: the chart's source line: the dataset's title and date */
      g_string_append_printf (text, _("Data: %s, updated %s."), nhs_dataset_get_title (dataset), date);
    }
  else
    g_string_append_printf (text, _("Data: %s."), nhs_dataset_get_title (dataset));
  if (n > 0)
    {
      g_autofree char *first = NULL;
      guint shown = MIN (n, 5);
      char **head = g_new0 (char *, shown + 1);

      for (guint i = 0; i < shown; i++)
        head[i] = (char *) publishers[i];
      first = g_strjoinv (", ", head);
      g_free (head);
      g_string_append_c (text, ' ');
      if (n > shown)
        /* TRANSLATORS: the publishers behind what the chart shows, the most cited first */
        g_string_append_printf (text, ngettext ("Evidence: %s and %u other.", "Evidence: %s and %u others.", n - shown),
                                first, n - shown);
      else
        g_string_append_printf (text, _("Evidence: %s."), first);
    }
  g_string_append_printf (text, " %s %s", PACKAGE_NAME, PACKAGE_VERSION);

  h = line_height (self, TEXT_SMALL);
  set_text (self, text->str, TEXT_SMALL);
  pango_layout_set_width (self->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y_bottom - h);
  set_color (cr, &self->style.foreground, 0.65);
  pango_cairo_show_layout (cr, self->layout);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
  return h;
}

/* Drawing: the time axis and grid */

static void
draw_grid_and_axis (NhsChartRenderer *self,
                    cairo_t          *cr,
                    double            grid_top,
                    double            axis_y)
{
  const TickSpec *spec = choose_ticks (self);
  const NhsChartColor *fg = &self->style.foreground;
  double lh = line_height (self, TEXT_SMALL);
  double right = self->plot_x + self->plot_w;
  g_autoptr(GDateTime) dt = tick_floor (self, spec, self->from_us);
  TickSpec coarse = { spec->unit == UNIT_DAY ? UNIT_MONTH : UNIT_YEAR, 1, 0, 0 };
  g_autoptr(GDateTime) cdt = NULL;
  const char *fine_format;
  const char *coarse_format;
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
      double x0 = time_to_x (self, dt_us (dt));
      double x1 = time_to_x (self, dt_us (next));
      g_autofree char *label = g_date_time_format (dt, fine_format);
      double w;

      if (x0 >= self->plot_x - 0.5)
        {
          cairo_move_to (cr, round (x0) + 0.5, grid_top);
          cairo_line_to (cr, round (x0) + 0.5, axis_y);
          set_color (cr, fg, 0.07);
          cairo_stroke (cr);
          cairo_move_to (cr, round (x0) + 0.5, axis_y);
          cairo_line_to (cr, round (x0) + 0.5, axis_y + 4);
          set_color (cr, fg, 0.5);
          cairo_stroke (cr);
        }
      text_size (self, label, TEXT_SMALL, &w, NULL);
      /* a label names the interval after its tick where the interval has room */
      if (spec->step == 1 || spec->unit == UNIT_MONTH)
        {
          double cx = (MAX (x0, self->plot_x) + MIN (x1, right)) / 2;
          if (MIN (x1, right) - MAX (x0, self->plot_x) >= w + 2)
            show_text (self, cr, label, TEXT_SMALL, cx, axis_y + 5, 0.5, fg, 0.75);
        }
      else if (x0 - w / 2 >= self->plot_x && x0 + w / 2 <= right)
        show_text (self, cr, label, TEXT_SMALL, x0, axis_y + 5, 0.5, fg, 0.75);

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
          double x0 = time_to_x (self, dt_us (cdt));
          double x1 = MIN (time_to_x (self, dt_us (next)), right);
          g_autofree char *label = g_date_time_format (cdt, coarse_format);
          double w;

          if (x0 >= self->plot_x)
            {
              cairo_move_to (cr, round (x0) + 0.5, grid_top);
              cairo_line_to (cr, round (x0) + 0.5, axis_y + 5 + 2 * lh);
              set_color (cr, fg, 0.16);
              cairo_stroke (cr);
            }
          x0 = MAX (x0, self->plot_x);
          text_size (self, label, TEXT_SMALL_BOLD, &w, NULL);
          /* stays in view while its span is: at the left edge when panned */
          if (x1 - x0 >= w + 4)
            show_text (self, cr, label, TEXT_SMALL_BOLD, x0 + 3, axis_y + 5 + lh, 0, fg, 0.8);
          g_date_time_unref (cdt);
          cdt = g_steal_pointer (&next);
        }
    }
  cairo_restore (cr);

  cairo_move_to (cr, self->plot_x, round (axis_y) + 0.5);
  cairo_line_to (cr, right, round (axis_y) + 0.5);
  set_color (cr, fg, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_value_axis (NhsChartRenderer *self,
                 cairo_t          *cr,
                 double            top,
                 double            height,
                 double            max,
                 double            step,
                 gboolean          percent,
                 gboolean          right_side)
{
  const NhsChartColor *fg = &self->style.foreground;
  double lh = line_height (self, TEXT_SMALL);

  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= max + 1e-9; v += step)
    {
      double y = top + height - v / max * height;
      g_autofree char *num = format_number (v);
      g_autofree char *label = percent ? format_percent (num) : g_strdup (num);

      if (!right_side)
        {
          cairo_move_to (cr, self->plot_x, round (y) + 0.5);
          cairo_line_to (cr, self->plot_x + self->plot_w, round (y) + 0.5);
          set_color (cr, fg, v == 0 ? 0.3 : 0.08);
          cairo_stroke (cr);
          show_text (self, cr, label, TEXT_SMALL, self->plot_x - 4, y - lh / 2, 1, fg, 0.7);
        }
      else
        /* inside the plot, above its line, the top one below it */
        show_text (self, cr, label, TEXT_SMALL, self->plot_x + self->plot_w - 3, MAX (y - lh, top + 1), 1, fg, 0.6);
    }
}

/* Drawing: the strike panel */

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
lane_band (NhsChartRenderer *self,
           guint             lane,
           double           *y,
           double           *h)
{
  int row = g_array_index (self->lane_row, int, lane);

  *y = self->lanes_y + row * self->lane_h;
  *h = self->lane_h;
}

static void
bar_rect (NhsChartRenderer  *self,
          guint              lane,
          const NhsChartBar *bar,
          Rect              *r)
{
  double ly, lh;
  double x0 = time_to_x (self, bar->start_us), x1 = time_to_x (self, bar->end_us);

  lane_band (self, lane, &ly, &lh);
  r->x = x0;
  r->width = MAX (x1 - x0, 1.5);
  r->height = self->bar_h;
  r->y = ly + (lh - self->bar_h) / 2;
}

static void
draw_mandates (NhsChartRenderer *self,
               cairo_t          *cr,
               guint             l,
               double            ly,
               double            lh)
{
  const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
  NhsChartColor c = lane_color (self, l);
  double shade = is_dark (&self->style.background) ? 0.22 : 0.13;
  double right = self->plot_x + self->plot_w;
  double last_x1 = -G_MAXDOUBLE, label_end = -G_MAXDOUBLE;
  gboolean labels = lh > 3 * self->font;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (double));

  /* one path of all the lane's mandates, overlapping ones merged: a shade,
   * a line along its top */
  for (guint i = 0; i < lane->mandates->len; i++)
    {
      const NhsChartSpan *span = &g_array_index (lane->mandates, NhsChartSpan, i);
      double x0 = MAX (time_to_x (self, span->start_us), self->plot_x - 1);
      double x1 = MIN (time_to_x (self, span->end_us), right + 1);

      if (x1 < self->plot_x || x0 > right)
        continue;
      x1 = MAX (x1, x0 + 1);
      if (x0 <= last_x1 && spans->len > 0)
        {
          double *end = &g_array_index (spans, double, spans->len - 1);
          *end = MAX (*end, x1);
        }
      else
        {
          g_array_append_val (spans, x0);
          g_array_append_val (spans, x1);
        }
      last_x1 = MAX (last_x1, x1);
    }
  for (guint i = 0; i < spans->len; i += 2)
    cairo_rectangle (cr, g_array_index (spans, double, i), ly + 1,
                     g_array_index (spans, double, i + 1) - g_array_index (spans, double, i), lh - 2);
  set_color (cr, &c, shade);
  cairo_fill (cr);
  for (guint i = 0; i < spans->len; i += 2)
    {
      cairo_move_to (cr, g_array_index (spans, double, i), ly + 1.5);
      cairo_line_to (cr, g_array_index (spans, double, i + 1), ly + 1.5);
    }
  set_color (cr, &c, 0.55);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint i = 0; labels && i < spans->len; i += 2)
    {
      double x0 = MAX (g_array_index (spans, double, i), self->plot_x);
      if (g_array_index (spans, double, i + 1) - x0 > self->mandate_w + 8 && x0 > label_end)
        {
          show_text (self, cr, _("mandate"), TEXT_SMALL, x0 + 3, ly + lh - 2 - line_height (self, TEXT_SMALL), 0,
                     &self->style.foreground, 0.55);
          label_end = x0 + self->mandate_w + 8;
        }
    }
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
  double lh = line_height (self, TEXT_SMALL_BOLD);
  double digits_w = self->digit_w * (bar->days >= 100 ? 3 : bar->days >= 10 ? 2 : 1);
  double mid = (x0 + x1) / 2;
  NhsChartColor c;
  char days[16];

  /* most bars in a dense chart stop here, before any text is made */
  if (x1 <= x0 || mid - digits_w / 2 < *last_label_end + 2)
    return;
  g_snprintf (days, sizeof days, "%u", bar->days);
  c = lane_color (self, l);

  if (digits_w + 4 <= x1 - x0 && lh <= r->height + 2)
    {
      NhsChartColor ink = bar->status == NHS_EVENT_STATUS_HAPPENED ? ink_on (&c) : self->style.foreground;
      /* TRANSLATORS: a walkout's length on its bar, where there is room */
      g_autofree char *long_label = g_strdup_printf (ngettext ("%u day", "%u days", bar->days), bar->days);
      const char *label = days;
      double w = digits_w;

      if (x1 - x0 > digits_w + 6 * self->digit_w)
        {
          text_size (self, long_label, TEXT_SMALL_BOLD, &w, NULL);
          if (w + 6 <= x1 - x0)
            label = long_label;
          else
            w = digits_w;
        }
      /* on the pattern, a plate keeps the number legible */
      if (pattern_of (l) != 0 && bar->status == NHS_EVENT_STATUS_HAPPENED)
        {
          cairo_rectangle (cr, mid - w / 2 - 1.5, r->y + (r->height - lh) / 2, w + 3, lh);
          set_color (cr, &c, 1);
          cairo_fill (cr);
        }
      show_text (self, cr, label, TEXT_SMALL_BOLD, mid, r->y + (r->height - lh) / 2, 0.5, &ink, 1);
      *last_label_end = x1;
      return;
    }

  /* a narrow bar carries its number above it, where that is free */
  if (mid - digits_w / 2 < self->plot_x || mid + digits_w / 2 > self->plot_x + self->plot_w ||
      r->y - lh < self->lanes_y)
    return;
  show_text (self, cr, days, TEXT_SMALL_BOLD, mid, r->y - lh, 0.5, &self->style.foreground, 0.8);
  *last_label_end = mid + digits_w / 2;
}

/* Joint walkouts: a band across their groups' lanes, drawn once, from the
 * lane of the first group shown, behind every bar */
/* Joint walkouts: a faint band across their groups' lanes, behind every
 * bar, drawn once (from the lane of the first group shown); bands of the
 * same lanes that touch on screen join */
/* Joint walkouts: a faint band across their groups' lanes, behind every
 * bar, one per walkout (from its first lane shown); bands to the same last
 * lane that touch on screen join */
static void
draw_joint_bands (NhsChartRenderer *self,
                  cairo_t          *cr)
{
  guint n = self->lane_row->len;
  g_autofree double *run_x0 = g_new (double, n);
  g_autofree double *run_x1 = g_new (double, n);

  for (guint l = 0; l < n; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      double top, h;

      if (!lane_shown (self, l) || lane->joints->len == 0)
        continue;
      lane_band (self, l, &top, &h);
      top += (h - self->bar_h) / 2;
      for (guint k = 0; k < n; k++)
        run_x1[k] = run_x0[k] = -G_MAXDOUBLE;

      for (guint j = 0; j < lane->joints->len; j++)
        {
          const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, g_array_index (lane->joints, guint, j));
          guint last = bar->last_lane;
          double x0, x1;

          if (bar->start_us >= self->to_us)
            break;
          if (bar->end_us <= self->from_us || !lane_shown (self, last))
            continue;
          x0 = time_to_x (self, bar->start_us);
          x1 = MAX (time_to_x (self, bar->end_us), x0 + 1.5);
          if (x0 <= run_x1[last] + 0.5)
            {
              run_x1[last] = MAX (run_x1[last], x1);
              continue;
            }
          if (run_x1[last] > run_x0[last])
            {
              double ly, lh;
              lane_band (self, last, &ly, &lh);
              cairo_rectangle (cr, run_x0[last], top, run_x1[last] - run_x0[last], ly + (lh + self->bar_h) / 2 - top);
            }
          run_x0[last] = x0;
          run_x1[last] = x1;
        }
      for (guint k = 0; k < n; k++)
        if (run_x1[k] > run_x0[k])
          {
            double ly, lh;
            lane_band (self, k, &ly, &lh);
            cairo_rectangle (cr, run_x0[k], top, run_x1[k] - run_x0[k], ly + (lh + self->bar_h) / 2 - top);
          }
    }
  set_color (cr, &self->style.foreground, 0.10);
  cairo_fill (cr);
}

/* Announced and called-off walkouts narrower than this (pixels) are
 * filled, not outlined: an outline would cover them */
#define OUTLINED_BAR_W 4

/* Adds a bar to runs (a GArray of Rect along one lane, in time order),
 * clipped to the plot: a bar that touches or overlaps the last run on
 * screen extends it. The same pixels, far fewer shapes to fill or stroke. */
static void
add_run (NhsChartRenderer *self,
         GArray           *runs,
         const Rect       *bar)
{
  double x0 = MAX (bar->x, self->plot_x - 2);
  double x1 = MIN (bar->x + bar->width, self->plot_x + self->plot_w + 2);
  Rect *last = runs->len > 0 ? &g_array_index (runs, Rect, runs->len - 1) : NULL;

  if (last != NULL && x0 <= last->x + last->width + 0.5)
    last->width = MAX (last->width, x1 - last->x);
  else
    {
      Rect run = { x0, bar->y, x1 - x0, bar->height };
      g_array_append_val (runs, run);
    }
}

static void
draw_lane (NhsChartRenderer *self,
           cairo_t          *cr,
           guint             l)
{
  const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
  NhsChartColor c = lane_color (self, l);
  double right = self->plot_x + self->plot_w;
  double last_label_end = -G_MAXDOUBLE;
  g_autoptr(GArray) labelled = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) happened = g_array_new (FALSE, FALSE, sizeof (Rect));
  g_autoptr(GArray) announced = g_array_new (FALSE, FALSE, sizeof (Rect));
  g_autoptr(GArray) called_off = g_array_new (FALSE, FALSE, sizeof (Rect));
  double last_candidate = -G_MAXDOUBLE;
  Rect r = { 0 };

  /* the bars in view, merged into runs by status, and the bars that might
   * carry a label, noted on the way */
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
      add_run (self, bar->status == NHS_EVENT_STATUS_HAPPENED ? happened :
                     bar->status == NHS_EVENT_STATUS_CALLED_OFF ? called_off : announced, &r);
    }

  /* walkouts that happened as one path: a fill, then the group's pattern */
  for (guint k = 0; k < happened->len; k++)
    {
      const Rect *run = &g_array_index (happened, Rect, k);
      if (run->width >= 0)
        cairo_rectangle (cr, run->x, run->y, run->width, run->height);
    }
  fill_lane_path (self, cr, (int) l, 1);

  /* announced walkouts: a light fill and an outline; called-off ones: a
   * dashed outline, each kind one path. Runs too narrow for an outline to
   * show (a dense lane has a thousand) are filled instead, lighter than
   * walkouts that happened: stroking them one by one, dashed, cost 3.5 ms
   * a lane. */
  for (int is_called_off = 0; is_called_off <= 1; is_called_off++)
    {
      GArray *runs = is_called_off ? called_off : announced;
      gboolean any_wide = FALSE, any_thin = FALSE;

      for (guint k = 0; k < runs->len; k++)
        {
          const Rect *run = &g_array_index (runs, Rect, k);
          if (run->width >= 0 && run->width < OUTLINED_BAR_W)
            {
              cairo_rectangle (cr, run->x, run->y, MAX (run->width, 1), run->height);
              any_thin = TRUE;
            }
        }
      if (any_thin)
        {
          set_color (cr, &c, is_called_off ? 0.35 : 0.6);
          cairo_fill (cr);
        }
      for (guint k = 0; k < runs->len; k++)
        {
          const Rect *run = &g_array_index (runs, Rect, k);
          if (run->width >= OUTLINED_BAR_W)
            {
              cairo_rectangle (cr, run->x + 0.75, run->y + 0.75, run->width - 1.5, run->height - 1.5);
              any_wide = TRUE;
            }
        }
      if (!any_wide)
        continue;
      if (!is_called_off)
        {
          set_color (cr, &c, 0.25);
          cairo_fill_preserve (cr);
        }
      set_color (cr, &c, 1);
      cairo_set_line_width (cr, 1.5);
      set_dash (cr, is_called_off ? 1 : 0, 1.5);
      cairo_stroke (cr);
      set_dash (cr, 0, 1);
    }

  for (guint k = 0; k < labelled->len; k++)
    {
      const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, g_array_index (labelled, guint, k));
      bar_rect (self, l, bar, &r);
      draw_bar_label (self, cr, l, bar, &r, &last_label_end);
    }
}

static gboolean
lh_fits (double available,
         double needed)
{
  return available >= needed + 2;
}

static void
draw_lane_label (NhsChartRenderer *self,
                 cairo_t          *cr,
                 guint             l)
{
  const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
  double ly, lh;
  double name_h = line_height (self, TEXT_BOLD);
  double small_h = line_height (self, TEXT_SMALL);
  gboolean two_lines = lh_fits (self->lane_h, name_h + small_h);
  double top;

  lane_band (self, l, &ly, &lh);
  top = ly + (lh - (two_lines ? name_h + small_h : name_h)) / 2;
  show_text (self, cr, nhs_group_get_short_name (lane->group), TEXT_BOLD, self->plot_x - 9, top, 1,
             &self->style.foreground, 0.9);
  if (two_lines)
    {
      g_autofree char *days = lane_days_label (lane);
      show_text (self, cr, days, TEXT_SMALL, self->plot_x - 9, top + name_h, 1, &self->style.foreground, 0.65);
    }
  /* the group's colour and pattern beside its name */
  draw_swatch (self, cr, (int) l, KEY_MANDATE, self->plot_x - 6, ly + (lh - self->bar_h) / 2, 4, self->bar_h, 1);
}

static void
draw_timeline (NhsChartRenderer *self,
               cairo_t          *cr)
{
  guint n = self->lane_row->len;

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->lanes_y, self->plot_w, self->lanes_h);
  cairo_clip (cr);
  for (guint l = 0; l < n; l++)
    if (lane_shown (self, l))
      {
        double ly, lh;
        lane_band (self, l, &ly, &lh);
        if (g_array_index (self->lane_row, int, l) > 0)
          {
            cairo_move_to (cr, self->plot_x, round (ly) + 0.5);
            cairo_line_to (cr, self->plot_x + self->plot_w, round (ly) + 0.5);
            set_color (cr, &self->style.foreground, 0.1);
            cairo_set_line_width (cr, 1);
            cairo_stroke (cr);
          }
        draw_mandates (self, cr, l, ly, lh);
      }
  draw_joint_bands (self, cr);
  for (guint l = 0; l < n; l++)
    if (lane_shown (self, l))
      draw_lane (self, cr, l);
  cairo_restore (cr);

  for (guint l = 0; l < n; l++)
    if (lane_shown (self, l))
      draw_lane_label (self, cr, l);
}

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
  double x0 = time_to_x (self, stack->start_us), x1 = time_to_x (self, stack->end_us);
  double gap = MIN (2, (x1 - x0) * 0.15);
  guint below = 0;

  if (stack->days[l] == 0 || !lane_shown (self, l))
    return FALSE;
  for (guint k = 0; k < l; k++)
    if (lane_shown (self, k))
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
  double step = nice_step (MAX (nhs_chart_model_get_max_month_total (self->model), 1), axis_ticks (self, self->lanes_h), 1);
  guint first = first_stack_from (stacks, self->from_us);
  double lh = line_height (self, TEXT_SMALL);

  self->month_max = ceil (MAX (nhs_chart_model_get_max_month_total (self->model), 1) / step) * step;
  draw_value_axis (self, cr, self->lanes_y, self->lanes_h, self->month_max, step, FALSE, FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->lanes_y - lh - 2, self->plot_w, self->lanes_h + lh + 2);
  cairo_clip (cr);
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      Rect r;

      if (!lane_shown (self, l))
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
      fill_lane_path (self, cr, (int) l, 1);
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
        if (lane_shown (self, l))
          total += stack->days[l];
      if (total == 0)
        continue;
      label = g_strdup_printf ("%u", total);
      x0 = time_to_x (self, stack->start_us);
      x1 = time_to_x (self, stack->end_us);
      text_size (self, label, TEXT_SMALL, &w, NULL);
      if (w + 2 <= x1 - x0)
        show_text (self, cr, label, TEXT_SMALL, (x0 + x1) / 2,
                   self->lanes_y + self->lanes_h - total / self->month_max * self->lanes_h - lh, 0.5,
                   &self->style.foreground, 0.8);
    }
  cairo_restore (cr);
}

typedef struct
{
  double y;
  double height;
  int    lane;
  char  *text;
} EndLabel;

static void
end_label_clear (gpointer data)
{
  g_free (((EndLabel *) data)->text);
}

static int
end_label_cmp (gconstpointer a,
               gconstpointer b)
{
  const EndLabel *ea = a, *eb = b;

  return (ea->y > eb->y) - (ea->y < eb->y);
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
  double next_free = top;

  g_array_sort (labels, end_label_cmp);
  /* down from the top, each below the last; then, where that ran past the
   * bottom, up from the bottom, each above the next */
  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      ys[i] = MAX (label->y - label->height / 2, next_free);
      next_free = ys[i] + label->height;
    }
  for (guint i = labels->len; i-- > 0;)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      double limit = i + 1 < labels->len ? ys[i + 1] : bottom;
      ys[i] = MIN (ys[i], limit - label->height);
    }
  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      NhsChartColor c = lane_color (self, label->lane);
      show_text (self, cr, label->text, TEXT_SMALL_BOLD, self->plot_x + self->plot_w + 5, ys[i], 0, &c, 1);
    }
}

static void
stroke_line (NhsChartRenderer    *self,
             cairo_t             *cr,
             const NhsChartColor *c,
             guint                pattern,
             double               width)
{
  /* a halo in the background colour keeps lines apart from bars under them */
  set_dash (cr, 0, 1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_color (cr, &self->style.background, 0.8);
  cairo_set_line_width (cr, width + 2.5);
  cairo_stroke_preserve (cr);
  set_color (cr, c, 1);
  cairo_set_line_width (cr, width);
  set_dash (cr, pattern, width);
  cairo_stroke (cr);
  set_dash (cr, 0, 1);
}

static void
draw_cumulative (NhsChartRenderer *self,
                 cairo_t          *cr)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (EndLabel));
  double max = 1, step;
  double lh = line_height (self, TEXT_SMALL_BOLD);

  g_array_set_clear_func (labels, end_label_clear);
  for (guint l = 0; l < self->lane_row->len; l++)
    if (lane_shown (self, l))
      max = MAX (max, nhs_chart_model_get_lane (self->model, l)->strike_days);
  step = nice_step (max, axis_ticks (self, self->lanes_h), 1);
  self->cum_max = ceil (max / step) * step;
  draw_value_axis (self, cr, self->lanes_y, self->lanes_h, self->cum_max, step, FALSE, TRUE);

  for (guint l = 0; l < self->lane_row->len; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      NhsChartColor c = lane_color (self, l);
      double base = self->lanes_y + self->lanes_h;
      double scale = self->lanes_h / self->cum_max;
      guint cum = 0;
      EndLabel label;

      if (!lane_shown (self, l) || lane->months->len == 0)
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, self->plot_x, self->lanes_y - 2, self->plot_w, self->lanes_h + 4);
      cairo_clip (cr);
      cairo_move_to (cr, MIN (self->plot_x, time_to_x (self, g_array_index (lane->months, NhsChartMonth, 0).first_us)), base);
      for (guint m = 0; m < lane->months->len; m++)
        {
          const NhsChartMonth *month = &g_array_index (lane->months, NhsChartMonth, m);
          cairo_line_to (cr, time_to_x (self, month->first_us), base - cum * scale);
          cum += month->days;
          cairo_line_to (cr, time_to_x (self, month->last_us), base - cum * scale);
        }
      cairo_line_to (cr, MAX (self->plot_x + self->plot_w, time_to_x (self, self->to_us)), base - cum * scale);
      stroke_line (self, cr, &c, pattern_of ((int) l), 2);
      cairo_restore (cr);

      label.y = base - cum * scale;
      label.height = lh;
      label.lane = (int) l;
      label.text = g_strdup_printf ("%s %u", nhs_group_get_short_name (lane->group), cum);
      g_array_append_val (labels, label);
    }
  draw_end_labels (self, cr, labels, self->lanes_y - lh / 2, self->lanes_y + self->lanes_h + lh / 2);
}

/* Drawing: the pay panel */

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
  double w, h = line_height (self, TEXT_SMALL);
  Rect r = { x, y, 2 * self->digit_w + 2, h };

  /* "6%" needs two digits' room at least: most steps of a long view have
   * not; and where even that much is taken, the value is not measured */
  if (max_width < 2 * self->digit_w || x < self->plot_x || x > self->plot_x + self->plot_w ||
      collides (taken, &r))
    return;
  value = nhs_figure_format_value (figure);
  text_size (self, value, TEXT_SMALL, &w, &h);
  r = (Rect) { x, y, w + 2, h };
  if (w > max_width || x < self->plot_x || x + w > self->plot_x + self->plot_w || collides (taken, &r))
    return;
  show_text (self, cr, value, TEXT_SMALL, x, y, 0, &self->style.foreground, 0.85);
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
      double x = time_to_x (self, p->time_us);
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
        NhsChartColor color = lane_color (self, (int) c - 1);
        gboolean any = FALSE;

        for (guint k = 0; k < shown->len; k++)
          {
            const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, g_array_index (shown, guint, k));

            if ((guint) (p->lane + 1) != c || (p->metric == NHS_FIGURE_METRIC_PAY_CLAIM) != claim)
              continue;
            pay_point_path (cr, p->metric, time_to_x (self, p->time_us), pay_y (self, p->value), r);
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
  double step = nice_step (MAX (max * 1.08, 1), axis_ticks (self, self->pay_h), 1);
  double lh = line_height (self, TEXT_SMALL);
  double r = MIN (self->font * 0.45, MAX (self->pay_h / 10, 3));
  double right = self->plot_x + self->plot_w;

  g_array_set_clear_func (labels, end_label_clear);
  self->pay_max = max > 0 ? ceil (max * 1.08 / step) * step : 10;
  draw_value_axis (self, cr, self->pay_y, self->pay_h, self->pay_max, max > 0 ? step : 2.5, TRUE, FALSE);

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->pay_y - lh - 4, self->plot_w, self->pay_h + lh + 8);
  cairo_clip (cr);

  /* each group's awards as one step line */
  for (guint i = 0; i < steps->len;)
    {
      int lane = g_array_index (steps, NhsChartStep, i).lane;
      NhsChartColor c = lane_color (self, lane);
      double dy = step_offset (self, lane);
      const NhsChartStep *prev = NULL;
      const NhsChartStep *last_seen = NULL;

      for (; i < steps->len && g_array_index (steps, NhsChartStep, i).lane == lane; i++)
        {
          const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
          double y = round (pay_y (self, s->value) + dy) + 0.5;

          if (prev != NULL && prev->end_us == s->start_us)
            cairo_line_to (cr, time_to_x (self, s->start_us), y);
          else
            cairo_move_to (cr, time_to_x (self, s->start_us), y);
          cairo_line_to (cr, time_to_x (self, s->end_us), y);
          prev = s;
          if (s->start_us < self->to_us)
            last_seen = s;
        }
      stroke_line (self, cr, &c, pattern_of (lane), 2.5);

      if (last_seen != NULL && last_seen->end_us > self->from_us && lane >= 0)
        {
          EndLabel label = { pay_y (self, last_seen->value) + dy, line_height (self, TEXT_SMALL_BOLD), lane,
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
      double x = time_to_x (self, p->time_us);
      Rect box = { x - r * 1.3, pay_y (self, p->value) - r * 1.3, r * 2.6, r * 2.6 };

      if (shown->len <= 400)
        draw_pay_point (self, cr, p, x, pay_y (self, p->value), r);
      taken_add (&taken, &box);
    }

  /* values: on the steps where there is room, then beside the points */
  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *s = &g_array_index (steps, NhsChartStep, i);
      double x0 = MAX (time_to_x (self, s->start_us), self->plot_x) + 3;
      double x1 = MIN (time_to_x (self, s->end_us), right);

      draw_value_label (self, cr, &taken, s->figure, x0, pay_y (self, s->value) + step_offset (self, s->lane) - lh - 1,
                        x1 - x0 - 3);
    }
  for (guint k = 0; k < shown->len; k++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, g_array_index (shown, guint, k));
      draw_value_label (self, cr, &taken, p->figure, time_to_x (self, p->time_us) + r * 1.5,
                        pay_y (self, p->value) - lh / 2, G_MAXDOUBLE);
    }
  cairo_restore (cr);
  taken_clear (&taken);

  draw_end_labels (self, cr, labels, self->pay_y - lh / 2, self->pay_y + self->pay_h + lh / 2);
}

/* Drawing: the marker rows */

static double
marker_radius (NhsChartRenderer *self)
{
  return MAX (2.5, MIN (self->marker_row_h * 0.34, self->font * 0.42));
}

static double
marker_row_center (NhsChartRenderer  *self,
                   NhsChartMarkerKind kind)
{
  return self->markers_y + (self->marker_row[kind] + 0.5) * self->marker_row_h;
}

static void
draw_markers (NhsChartRenderer *self,
              cairo_t          *cr)
{
  GArray *markers = nhs_chart_model_get_markers (self->model);
  double r = marker_radius (self);
  double last_x[NHS_CHART_MARKER_N];
  double lh = line_height (self, TEXT_SMALL);
  int rows = n_marker_rows (self);
  gboolean single = rows == 1;

  for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
    last_x[k] = -G_MAXDOUBLE;

  /* row names, and a faint line along each row */
  for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
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
      show_text (self, cr, single ? C_("chart row", "Events") : marker_row_label (k), TEXT_SMALL,
                 self->plot_x - 9, cy - lh / 2, 1, &self->style.foreground, 0.7);
      cairo_move_to (cr, self->plot_x, round (cy) + 0.5);
      cairo_line_to (cr, self->plot_x + self->plot_w, round (cy) + 0.5);
      set_color (cr, &self->style.foreground, 0.08);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x - r * 1.5, self->markers_y, self->plot_w + r * 3, rows * self->marker_row_h);
  cairo_clip (cr);

  /* periods (a ballot's weeks, a referendum, talks) as lines behind the
   * shapes; overlapping ones of a row and colour join into one */
  {
    guint n_colors = self->colors->len + 1;
    g_autofree double *seg = g_new (double, 2 * NHS_CHART_MARKER_N * n_colors);

    for (guint i = 0; i < NHS_CHART_MARKER_N * n_colors; i++)
      seg[2 * i] = seg[2 * i + 1] = -G_MAXDOUBLE;
    for (guint c = 0; c < n_colors; c++)
      {
        NhsChartColor color = lane_color (self, (int) c - 1);

        for (guint i = 0; i < markers->len; i++)
          {
            const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);
            double *s = &seg[2 * (m->kind * n_colors + c)];
            double x0, x1;

            if ((guint) (m->lane + 1) != c || m->end_us - m->start_us <= DAY_US * 3 / 2 ||
                m->end_us <= self->from_us || m->start_us >= self->to_us)
              continue;
            x0 = MAX (time_to_x (self, m->start_us), self->plot_x);
            x1 = MIN (time_to_x (self, m->end_us), self->plot_x + self->plot_w);
            if (x0 <= s[1] + 1)
              {
                s[1] = MAX (s[1], x1);
                continue;
              }
            if (s[1] > s[0])
              {
                cairo_move_to (cr, s[0], marker_row_center (self, m->kind));
                cairo_line_to (cr, s[1], marker_row_center (self, m->kind));
              }
            s[0] = x0;
            s[1] = x1;
          }
        for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
          {
            double *s = &seg[2 * (k * n_colors + c)];
            if (s[1] > s[0] && self->marker_row[k] >= 0)
              {
                cairo_move_to (cr, s[0], marker_row_center (self, k));
                cairo_line_to (cr, s[1], marker_row_center (self, k));
              }
          }
        set_color (cr, &color, 0.5);
        cairo_set_line_width (cr, 2);
        cairo_stroke (cr);
      }
  }

  /* the shapes: one less than 1.5 radii from the last one drawn in its row
   * would be mostly hidden by it, so thousands on a few pixels draw as a few; then
   * each colour's shapes fill as one path */
  {
    g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint i = 0; i < markers->len; i++)
      {
        const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);
        double x = time_to_x (self, m->start_us);
        int row = self->marker_row[m->kind];

        if (m->start_us >= self->to_us || x < self->plot_x - r * 2 || fabs (x - last_x[row]) < r * 1.5)
          continue;
        last_x[row] = x;
        g_array_append_val (shown, i);
      }
    for (guint c = 0; c <= self->colors->len; c++)
      {
        NhsChartColor color = lane_color (self, (int) c - 1);
        gboolean any = FALSE;

        for (guint k = 0; k < shown->len; k++)
          {
            const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, g_array_index (shown, guint, k));
            if ((guint) (m->lane + 1) != c)
              continue;
            shape_path (cr, m->kind, time_to_x (self, m->start_us), marker_row_center (self, m->kind), r);
            any = TRUE;
          }
        if (!any)
          continue;
        set_color (cr, &color, 1);
        /* the outline that parts touching shapes costs more than the shapes;
         * crowded rows do without it */
        if (shown->len > 400)
          {
            cairo_fill (cr);
            continue;
          }
        cairo_fill_preserve (cr);
        set_color (cr, &self->style.background, 1);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
      }
  }
  cairo_restore (cr);
}

/* Layout and render */

static void
show_heading (NhsChartRenderer *self,
              cairo_t          *cr,
              const char       *text,
              double            y)
{
  show_text (self, cr, text, TEXT_SMALL_BOLD, self->plot_x, y, 0, &self->style.foreground, 0.85);
}

static void
draw_panels (NhsChartRenderer *self,
             cairo_t          *cr,
             double            heading_h)
{
  double lh = line_height (self, TEXT_SMALL);

  if (self->style.mode == NHS_CHART_MODE_MONTHLY)
    show_heading (self, cr, _("Strike days per month"), self->lanes_y - heading_h - lh * 0.3);
  else
    show_heading (self, cr, _("Strike days"), self->lanes_y - heading_h);
  if (self->style.show_cumulative)
    show_text (self, cr, _("Cumulative days"), TEXT_SMALL, self->plot_x + self->plot_w, self->lanes_y - heading_h, 1,
               &self->style.foreground, 0.7);

  if (nhs_chart_model_get_n_visible_lanes (self->model) == 0)
    show_text (self, cr, _("No groups shown: choose one in the legend"), TEXT_NORMAL,
               self->plot_x + self->plot_w / 2, self->lanes_y + self->lanes_h / 2 - lh / 2, 0.5,
               &self->style.foreground, 0.6);
  else if (self->style.mode == NHS_CHART_MODE_MONTHLY)
    draw_monthly (self, cr);
  else
    draw_timeline (self, cr);
  if (self->style.show_cumulative && nhs_chart_model_get_n_visible_lanes (self->model) > 0)
    draw_cumulative (self, cr);

  if (self->pay_h > 0)
    {
      show_heading (self, cr, _("Pay (%): awards by pay year (headline), offers and claims"),
                    self->pay_y - heading_h - lh * 0.3);
      draw_pay (self, cr);
    }
  if (n_marker_rows (self) > 0)
    draw_markers (self, cr);
}

static void
layout_and_draw (NhsChartRenderer *self,
                 cairo_t          *cr)
{
  double pad = round (self->font * 1.2);
  double y = pad, bottom = self->height - pad;
  double small_h = line_height (self, TEXT_SMALL);
  double heading_h = line_height (self, TEXT_SMALL_BOLD) + 4;
  double gap = self->font * 0.9;
  double axis_h, avail, strike_h;
  int rows;
  guint n_visible = nhs_chart_model_get_n_visible_lanes (self->model);

  self->plot_x = pad + left_margin (self);
  self->plot_w = MAX (self->width - self->plot_x - pad - right_margin (self), 10);

  if (self->style.show_title)
    y += draw_title (self, cr, pad, y) + self->font * 0.6;
  if (self->style.show_legend)
    y += legend_pass (self, cr, pad, y, self->width - 2 * pad) + self->font * 0.8;
  else
    g_array_set_size (self->legend, 0);
  if (self->style.show_source)
    bottom -= draw_source (self, cr, pad, bottom, self->width - 2 * pad) + self->font * 0.5;

  axis_h = 6 + small_h * (choose_ticks (self)->unit == UNIT_YEAR ? 1 : 2);
  rows = n_marker_rows (self);
  self->marker_row_h = CLAMP (round (self->font * 1.35), 10, 22);
  avail = bottom - axis_h - y - rows * self->marker_row_h - heading_h - gap * 0.5 -
          (self->style.show_pay ? heading_h + gap : 0);

  /* short of room, the marker rows fold into one */
  if (rows > 1 && avail < self->font * 11)
    {
      for (guint k = 0; k < NHS_CHART_MARKER_N; k++)
        if (self->marker_row[k] > 0)
          self->marker_row[k] = 0;
      avail += (rows - 1) * self->marker_row_h;
      rows = 1;
    }
  avail = MAX (avail, 20);
  strike_h = self->style.show_pay ? round (avail * 0.58) : avail;

  self->lanes_y = y + heading_h;
  self->lanes_h = strike_h;
  y = self->lanes_y + self->lanes_h + gap;
  if (self->style.show_pay)
    {
      self->pay_y = y + heading_h;
      self->pay_h = avail - strike_h;
      y = self->pay_y + self->pay_h + gap * 0.5;
    }
  else
    {
      self->pay_y = y;
      self->pay_h = 0;
      y -= gap * 0.5;
    }
  self->markers_y = y;
  y += rows * self->marker_row_h;

  self->lane_h = self->lanes_h / MAX (n_visible, 1);
  self->bar_h = round (MIN (self->lane_h * 0.62, self->font * 2.4));

  draw_grid_and_axis (self, cr, self->lanes_y, y + 1);
  draw_panels (self, cr, heading_h);
}

/* Hit tests */

static gboolean
hit_lanes (NhsChartRenderer *self,
           double            x,
           double            y,
           NhsChartHit      *hit)
{
  gint64 t = x_to_time (self, x);
  gint64 slop = (gint64) (HIT_SLOP / self->plot_w * (double) (self->to_us - self->from_us));

  for (guint l = 0; l < self->lane_row->len; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      double ly, lh;
      double best = G_MAXDOUBLE;

      if (!lane_shown (self, l))
        continue;
      lane_band (self, l, &ly, &lh);
      if (y < ly || y >= ly + lh)
        continue;

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
              *hit = (NhsChartHit) { NHS_CHART_HIT_BAR, (int) l, i, bar->event };
              best = r.width;
            }
        }
      if (best < G_MAXDOUBLE)
        return TRUE;

      for (guint i = 0; i < lane->mandates->len; i++)
        {
          const NhsChartSpan *span = &g_array_index (lane->mandates, NhsChartSpan, i);
          if (t >= span->start_us && t < span->end_us)
            {
              *hit = (NhsChartHit) { NHS_CHART_HIT_MANDATE, (int) l, i, span->event };
              return TRUE;
            }
        }
      return FALSE;
    }
  return FALSE;
}

static gboolean
hit_months (NhsChartRenderer *self,
            double            x,
            double            y,
            NhsChartHit      *hit)
{
  GArray *stacks = nhs_chart_model_get_month_stacks (self->model);
  gint64 t = x_to_time (self, x);
  guint k = first_stack_from (stacks, t);
  const NhsChartMonthStack *stack;

  if (k >= stacks->len)
    return FALSE;
  stack = &g_array_index (stacks, NhsChartMonthStack, k);
  if (t < stack->start_us)
    return FALSE;
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      Rect r;
      if (stack_segment (self, stack, l, &r) && y >= r.y && y < r.y + r.height)
        {
          *hit = (NhsChartHit) { NHS_CHART_HIT_MONTH, (int) l, k, NULL };
          return TRUE;
        }
    }
  return FALSE;
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
      double dx = time_to_x (self, p->time_us) - x, dy = pay_y (self, p->value) - y;

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

      if (x >= time_to_x (self, s->start_us) && x < time_to_x (self, s->end_us) && dy <= best)
        {
          best = dy;
          *hit = (NhsChartHit) { NHS_CHART_HIT_STEP, s->lane, i, nhs_figure_get_event (s->figure) };
          found = TRUE;
        }
    }
  return found;
}

static gboolean
hit_markers (NhsChartRenderer *self,
             double            x,
             double            y,
             NhsChartHit      *hit)
{
  GArray *markers = nhs_chart_model_get_markers (self->model);
  double r = marker_radius (self) + 3;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < markers->len; i++)
    {
      const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);
      double dx = fabs (time_to_x (self, m->start_us) - x);
      double dy = fabs (marker_row_center (self, m->kind) - y);

      if (dx <= r && dy <= self->marker_row_h / 2 && dx < best)
        {
          best = dx;
          *hit = (NhsChartHit) { NHS_CHART_HIT_MARKER, m->lane, i, m->event };
        }
    }
  return best < G_MAXDOUBLE;
}

/* Highlights */

static void
outline (NhsChartRenderer *self,
         cairo_t          *cr,
         NhsChartHighlight how)
{
  NhsChartColor fg = self->style.foreground;

  switch (how)
    {
    case NHS_CHART_HIGHLIGHT_SELECTED:
      set_color (cr, &self->style.background, 1);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      set_color (cr, &fg, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      break;
    case NHS_CHART_HIGHLIGHT_CURSOR:
      set_dash (cr, 1, 1.5);
      set_color (cr, &fg, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      set_dash (cr, 0, 1);
      break;
    case NHS_CHART_HIGHLIGHT_HOVER:
    default:
      set_color (cr, &fg, 0.6);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    }
}

static void
inflate_rect (cairo_t    *cr,
              const Rect *r,
              double      by)
{
  cairo_rectangle (cr, r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by);
}

static void
highlight_strike (NhsChartRenderer *self,
                  cairo_t          *cr,
                  NhsEvent         *event,
                  NhsChartHighlight how)
{
  if (self->style.mode == NHS_CHART_MODE_MONTHLY)
    {
      double x0 = time_to_x (self, nhs_event_get_start_us (event));
      double x1 = MAX (time_to_x (self, nhs_event_get_end_us (event)), x0 + 3);
      cairo_rectangle (cr, x0, self->lanes_y, x1 - x0, self->lanes_h);
      set_color (cr, &self->style.foreground, 0.12);
      cairo_fill_preserve (cr);
      outline (self, cr, how);
      return;
    }

  for (guint l = 0; l < self->lane_row->len; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);

      if (!lane_shown (self, l) || !nhs_event_has_group (event, lane->group))
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
          inflate_rect (cr, &r, 2);
          outline (self, cr, how);
        }
    }
}

static void
highlight_marker (NhsChartRenderer *self,
                  cairo_t          *cr,
                  NhsEvent         *event,
                  NhsChartHighlight how)
{
  GArray *markers = nhs_chart_model_get_markers (self->model);
  double r = marker_radius (self);

  for (guint i = 0; i < markers->len; i++)
    {
      const NhsChartMarker *m = &g_array_index (markers, NhsChartMarker, i);
      if (m->event != event)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, time_to_x (self, m->start_us), marker_row_center (self, m->kind), r + 3.5, 0, 2 * G_PI);
      outline (self, cr, how);
    }

  /* a mandate also outlines its shaded period */
  if (self->style.mode != NHS_CHART_MODE_TIMELINE)
    return;
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      double ly, lh;

      if (!lane_shown (self, l))
        continue;
      lane_band (self, l, &ly, &lh);
      for (guint i = 0; i < lane->mandates->len; i++)
        {
          const NhsChartSpan *span = &g_array_index (lane->mandates, NhsChartSpan, i);
          double x0 = time_to_x (self, span->start_us);
          if (span->event != event)
            continue;
          cairo_rectangle (cr, x0, ly + 1, MAX (time_to_x (self, span->end_us) - x0, 1), lh - 2);
          outline (self, cr, how == NHS_CHART_HIGHLIGHT_SELECTED ? NHS_CHART_HIGHLIGHT_HOVER : how);
        }
    }
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
      cairo_arc (cr, time_to_x (self, s->start_us), pay_y (self, s->value) + step_offset (self, s->lane), r, 0, 2 * G_PI);
      outline (self, cr, how);
    }
  for (guint i = 0; i < points->len; i++)
    {
      const NhsChartPayPoint *p = &g_array_index (points, NhsChartPayPoint, i);
      if (nhs_figure_get_event (p->figure) != event)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, time_to_x (self, p->time_us), pay_y (self, p->value), r, 0, 2 * G_PI);
      outline (self, cr, how);
    }
}

/* Tooltips */

static char *
dup_evidence_publishers (GPtrArray *evidence)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);
      const char *name = NULL;

      if (nhs_evidence_get_article (ev) != NULL)
        name = nhs_article_get_publisher (nhs_evidence_get_article (ev));
      else if (nhs_evidence_get_source (ev) != NULL)
        name = nhs_source_get_publisher (nhs_evidence_get_source (ev));
      if (name != NULL && *name != '\0' && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  if (names->len == 0)
    return g_strdup (_("Source: none given"));
  g_ptr_array_add (names, NULL);
  {
    g_autofree char *joined = g_strjoinv ("; ", (char **) names->pdata);
    /* TRANSLATORS: in a chart tooltip, the publishers behind an event */
    return g_strdup_printf (_("Source: %s"), joined);
  }
}

static void
append_event_text (NhsChartRenderer *self,
                   GString          *text,
                   NhsEvent         *event)
{
  g_autofree char *span = nhs_chart_model_format_span (self->model, nhs_event_get_start_us (event),
                                                       nhs_event_get_end_us (event));
  g_autofree char *groups = nhs_event_dup_groups_label (event);
  g_autofree char *sources = dup_evidence_publishers (nhs_event_get_evidence (event));
  guint days = nhs_event_get_strike_days (event);

  g_string_append (text, nhs_event_get_title (event));
  g_string_append_printf (text, "\n%s", span);
  if (days > 0)
    {
      /* TRANSLATORS: a walkout's length in a chart tooltip */
      g_autofree char *length = g_strdup_printf (ngettext ("%u strike day", "%u strike days", days), days);
      g_string_append_printf (text, " · %s", length);
    }
  if (nhs_event_get_status (event) != NHS_EVENT_STATUS_HAPPENED)
    g_string_append_printf (text, " · %s", nhs_event_status_to_label (nhs_event_get_status (event)));
  g_string_append_printf (text, "\n%s · %s", nhs_event_kind_to_label (nhs_event_get_kind (event)), groups);
  if (nhs_event_get_outcome (event) != NULL)
    g_string_append_printf (text, "\n%s", nhs_event_get_outcome (event));
  g_string_append_printf (text, "\n%s", sources);
}

static void
append_figure_text (NhsChartRenderer *self,
                    GString          *text,
                    NhsFigure        *figure)
{
  g_autofree char *value = nhs_figure_format_value (figure);
  g_autofree char *date = g_date_time_format (nhs_figure_get_date (figure), _("%-d %B %Y"));
  g_autofree char *sources = dup_evidence_publishers (nhs_figure_get_evidence (figure));
  NhsGroup *group = nhs_figure_get_group (figure);

  /* TRANSLATORS: a figure in a chart tooltip, "Pay award: 8.8%" */
  g_string_append_printf (text, _("%s: %s"), nhs_figure_metric_to_label (nhs_figure_get_metric (figure)), value);
  if (group != NULL)
    g_string_append_printf (text, " · %s", nhs_group_get_short_name (group));
  if (nhs_figure_get_label (figure) != NULL)
    g_string_append_printf (text, "\n%s", nhs_figure_get_label (figure));
  g_string_append_printf (text, "\n%s", date);
  if (nhs_figure_get_period (figure) != NULL)
    /* TRANSLATORS: the pay year a figure is for, "pay year 2023/24" */
    g_string_append_printf (text, _(" · pay year %s"), nhs_figure_get_period (figure));
  if (nhs_figure_get_basis (figure) != NULL)
    g_string_append_printf (text, "\n%s", nhs_figure_get_basis (figure));
  if (nhs_figure_get_claimant (figure) != NULL)
    /* TRANSLATORS: who put a figure forward, "Claimant: BMA" */
    g_string_append_printf (text, _("\nClaimant: %s"), nhs_figure_get_claimant (figure));
  g_string_append_printf (text, "\n%s", sources);
}

/* GObject overrides */

static void
nhs_chart_renderer_finalize (GObject *object)
{
  NhsChartRenderer *self = NHS_CHART_RENDERER (object);

  g_clear_object (&self->model);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->lane_row, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->colors, g_array_unref);
  G_OBJECT_CLASS (nhs_chart_renderer_parent_class)->finalize (object);
}

static void
nhs_chart_renderer_class_init (NhsChartRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nhs_chart_renderer_finalize;
}

static void
nhs_chart_renderer_init (NhsChartRenderer *self)
{
  NhsChartStyle style;

  self->lane_row = g_array_new (FALSE, TRUE, sizeof (int));
  self->legend = g_array_new (FALSE, FALSE, sizeof (LegendItem));
  self->colors = g_array_new (FALSE, FALSE, sizeof (NhsChartColor));
  nhs_chart_style_init (&style, FALSE);
  nhs_chart_renderer_set_style (self, &style);
}

/* Public API */

void
nhs_chart_style_init (NhsChartStyle *style,
                      gboolean       dark)
{
  *style = (NhsChartStyle) {
    .foreground = dark ? (NhsChartColor) { 1, 1, 1, 1 } : (NhsChartColor) { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0, 1 },
    .background = dark ? (NhsChartColor) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 } : (NhsChartColor) { 1, 1, 1, 1 },
    .fill_background = TRUE,
    .font_family = NULL,
    .font_size = 13,
    .mode = NHS_CHART_MODE_TIMELINE,
    .show_cumulative = FALSE,
    .show_pay = TRUE,
    .show_title = TRUE,
    .show_legend = TRUE,
    .show_source = TRUE,
    .legend_shows_hidden = FALSE,
  };
}

NhsChartRenderer *
nhs_chart_renderer_new (void)
{
  return g_object_new (NHS_TYPE_CHART_RENDERER, NULL);
}

void
nhs_chart_renderer_set_style (NhsChartRenderer    *self,
                              const NhsChartStyle *style)
{
  g_return_if_fail (NHS_IS_CHART_RENDERER (self));
  g_return_if_fail (style != NULL);

  g_free (self->font_family);
  self->font_family = g_strdup (style->font_family ? style->font_family : "Cantarell, DejaVu Sans, sans-serif");
  self->style = *style;
  self->style.font_family = self->font_family;
  if (self->style.font_size <= 0)
    self->style.font_size = 13;
}

const NhsChartStyle *
nhs_chart_renderer_get_style (NhsChartRenderer *self)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), NULL);
  return &self->style;
}

void
nhs_chart_renderer_render (NhsChartRenderer *self,
                           NhsChartModel    *model,
                           cairo_t          *cr,
                           double            width,
                           double            height,
                           gint64            from_us,
                           gint64            to_us)
{
  cairo_font_options_t *options;

  g_return_if_fail (NHS_IS_CHART_RENDERER (self));
  g_return_if_fail (NHS_IS_CHART_MODEL (model));
  g_return_if_fail (cr != NULL);

  g_set_object (&self->model, model);
  if (to_us <= from_us)
    nhs_chart_model_get_extent (model, &from_us, &to_us);
  self->from_us = from_us;
  self->to_us = to_us;
  self->width = width;
  self->height = height;
  self->font = self->style.font_size;
  compute_colors (self);
  compute_rows (self);

  /* fixed font options: the same layout on every surface and at every scale */
  self->layout = pango_cairo_create_layout (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (self->layout), options);
  pango_layout_context_changed (self->layout);
  cairo_font_options_destroy (options);
  make_fonts (self);
  text_size (self, "0", TEXT_SMALL_BOLD, &self->digit_w, NULL);
  text_size (self, _("mandate"), TEXT_SMALL, &self->mandate_w, NULL);

  cairo_save (cr);
  if (self->style.fill_background)
    {
      set_color (cr, &self->style.background, 1);
      cairo_paint (cr);
    }
  layout_and_draw (self, cr);
  cairo_restore (cr);
  g_clear_object (&self->layout);
  free_fonts (self);
  for (guint i = 0; i < N_PATTERNS; i++)
    g_clear_pointer (&self->hatches[i], cairo_pattern_destroy);
}

gboolean
nhs_chart_renderer_hit_test (NhsChartRenderer *self,
                             double            x,
                             double            y,
                             NhsChartHit      *hit)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (NhsChartHit) { NHS_CHART_HIT_NONE, -1, 0, NULL };
  if (self->model == NULL)
    return FALSE;

  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      if (x >= item->rect.x && x < item->rect.x + item->rect.width &&
          y >= item->rect.y && y < item->rect.y + item->rect.height)
        {
          *hit = (NhsChartHit) { NHS_CHART_HIT_LEGEND, item->lane, 0, NULL };
          return TRUE;
        }
    }
  if (x < self->plot_x - HIT_SLOP || x > self->plot_x + self->plot_w + HIT_SLOP)
    return FALSE;

  if (y >= self->lanes_y && y < self->lanes_y + self->lanes_h)
    return self->style.mode == NHS_CHART_MODE_MONTHLY ? hit_months (self, x, y, hit) : hit_lanes (self, x, y, hit);
  if (self->pay_h > 0 && y >= self->pay_y - HIT_SLOP && y < self->pay_y + self->pay_h + HIT_SLOP)
    return hit_pay (self, x, y, hit);
  if (y >= self->markers_y && y < self->markers_y + n_marker_rows (self) * self->marker_row_h)
    return hit_markers (self, x, y, hit);
  return FALSE;
}

char *
nhs_chart_renderer_dup_hit_text (NhsChartRenderer  *self,
                                 const NhsChartHit *hit)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (self->model == NULL)
    return NULL;

  switch (hit->kind)
    {
    case NHS_CHART_HIT_BAR:
    case NHS_CHART_HIT_MARKER:
      append_event_text (self, text, hit->event);
      break;
    case NHS_CHART_HIT_MANDATE:
      /* TRANSLATORS: the tooltip of a shaded strike mandate, then the ballot */
      g_string_append_printf (text, "%s\n", _("Strike mandate"));
      append_event_text (self, text, hit->event);
      break;
    case NHS_CHART_HIT_MONTH:
      {
        const NhsChartMonthStack *stack = &g_array_index (nhs_chart_model_get_month_stacks (self->model),
                                                          NhsChartMonthStack, hit->index);
        const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, hit->lane);
        g_autoptr(GDateTime) month = local_time (self, stack->start_us);
        g_autofree char *name = g_date_time_format (month, _("%B %Y"));
        guint days = stack->days[hit->lane];

        /* TRANSLATORS: a month's column segment: "Residents: 6 strike days in January 2024" */
        g_string_append_printf (text, ngettext ("%s: %u strike day in %s", "%s: %u strike days in %s", days),
                                nhs_group_get_short_name (lane->group), days, name);
      }
      break;
    case NHS_CHART_HIT_STEP:
      {
        const NhsChartStep *step = &g_array_index (nhs_chart_model_get_steps (self->model), NhsChartStep, hit->index);
        g_autoptr(GPtrArray) others = nhs_chart_model_dup_step_figures (self->model, step);

        append_figure_text (self, text, step->figure);
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
      }
      break;
    case NHS_CHART_HIT_PAY_POINT:
      append_figure_text (self, text,
                          g_array_index (nhs_chart_model_get_pay_points (self->model), NhsChartPayPoint, hit->index).figure);
      break;
    case NHS_CHART_HIT_LEGEND:
      {
        const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, hit->lane);
        g_string_append (text, nhs_group_get_name (lane->group));
        if (lane->visible)
          {
            g_string_append_c (text, '\n');
            /* TRANSLATORS: a group's totals in the legend's tooltip */
            g_string_append_printf (text, ngettext ("%u strike day", "%u strike days", lane->strike_days), lane->strike_days);
            g_string_append_printf (text, ngettext (" in %u walkout", " in %u walkouts", lane->rounds), lane->rounds);
          }
        g_string_append_printf (text, "\n%s", lane->visible ? _("Click to hide this group") : _("Click to show this group"));
      }
      break;
    case NHS_CHART_HIT_NONE:
    default:
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
nhs_chart_renderer_draw_event_highlight (NhsChartRenderer *self,
                                         cairo_t          *cr,
                                         NhsEvent         *event,
                                         NhsChartHighlight how)
{
  g_return_if_fail (NHS_IS_CHART_RENDERER (self));
  g_return_if_fail (NHS_IS_EVENT (event));

  if (self->model == NULL)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x - 8, 0, self->plot_w + 16, self->height);
  cairo_clip (cr);
  if (nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE)
    highlight_strike (self, cr, event, how);
  else if (nhs_event_get_kind (event) == NHS_EVENT_KIND_PAY_AWARD)
    highlight_figures (self, cr, event, how);
  else
    {
      highlight_marker (self, cr, event, how);
      highlight_figures (self, cr, event, how);
    }
  cairo_restore (cr);
}

void
nhs_chart_renderer_draw_hit_highlight (NhsChartRenderer  *self,
                                       cairo_t           *cr,
                                       const NhsChartHit *hit)
{
  g_return_if_fail (NHS_IS_CHART_RENDERER (self));
  g_return_if_fail (hit != NULL);

  if (self->model == NULL)
    return;
  cairo_save (cr);
  switch (hit->kind)
    {
    case NHS_CHART_HIT_LEGEND:
      for (guint i = 0; i < self->legend->len; i++)
        {
          const LegendItem *item = &g_array_index (self->legend, LegendItem, i);
          if (item->lane != hit->lane)
            continue;
          cairo_rectangle (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
          set_color (cr, &self->style.foreground, 0.08);
          cairo_fill (cr);
        }
      break;
    case NHS_CHART_HIT_MONTH:
      {
        Rect r;
        if (stack_segment (self, &g_array_index (nhs_chart_model_get_month_stacks (self->model), NhsChartMonthStack,
                                                 hit->index), hit->lane, &r))
          {
            inflate_rect (cr, &r, 1);
            outline (self, cr, NHS_CHART_HIGHLIGHT_HOVER);
          }
      }
      break;
    case NHS_CHART_HIT_STEP:
      {
        const NhsChartStep *s = &g_array_index (nhs_chart_model_get_steps (self->model), NhsChartStep, hit->index);
        double y = pay_y (self, s->value) + step_offset (self, s->lane);
        cairo_rectangle (cr, time_to_x (self, s->start_us), y - 4, time_to_x (self, s->end_us) - time_to_x (self, s->start_us), 8);
        outline (self, cr, NHS_CHART_HIGHLIGHT_HOVER);
      }
      break;
    case NHS_CHART_HIT_PAY_POINT:
      {
        const NhsChartPayPoint *p = &g_array_index (nhs_chart_model_get_pay_points (self->model), NhsChartPayPoint, hit->index);
        cairo_new_sub_path (cr);
        cairo_arc (cr, time_to_x (self, p->time_us), pay_y (self, p->value), self->font * 0.45 + 4, 0, 2 * G_PI);
        outline (self, cr, NHS_CHART_HIGHLIGHT_HOVER);
      }
      break;
    case NHS_CHART_HIT_BAR:
    case NHS_CHART_HIT_MARKER:
    case NHS_CHART_HIT_MANDATE:
      if (hit->event != NULL)
        nhs_chart_renderer_draw_event_highlight (self, cr, hit->event, NHS_CHART_HIGHLIGHT_HOVER);
      break;
    case NHS_CHART_HIT_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

double
nhs_chart_renderer_time_to_x (NhsChartRenderer *self,
                              gint64            time_us)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), 0);
  if (self->to_us <= self->from_us)
    return 0;
  return time_to_x (self, time_us);
}

gint64
nhs_chart_renderer_x_to_time (NhsChartRenderer *self,
                              double            x)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), 0);
  if (self->plot_w <= 0)
    return self->from_us;
  return x_to_time (self, x);
}

void
nhs_chart_renderer_get_time_axis (NhsChartRenderer *self,
                                  double           *x,
                                  double           *width)
{
  g_return_if_fail (NHS_IS_CHART_RENDERER (self));
  *x = self->plot_x;
  *width = self->plot_w;
}

gboolean
nhs_chart_renderer_get_lane_band (NhsChartRenderer *self,
                                  guint             lane,
                                  double           *y,
                                  double           *height)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), FALSE);

  if (self->model == NULL || self->style.mode != NHS_CHART_MODE_TIMELINE ||
      lane >= self->lane_row->len || !lane_shown (self, lane))
    return FALSE;
  lane_band (self, lane, y, height);
  return TRUE;
}

NhsChartColor
nhs_chart_renderer_get_lane_color (NhsChartRenderer *self,
                                   guint             lane)
{
  NhsChartColor black = { 0, 0, 0, 1 };

  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), black);
  return lane_color (self, (int) lane);
}
