/* nhs-chart-paint.c: the colours, patterns, text and scales the chart's layers share
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-renderer-private.h"
#include "nhs-time-zone.h"

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

gboolean
chart_is_dark (const NhsChartColor *background)
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
  gboolean dark = chart_is_dark (background);

  rgb_to_hsl (&color, &h, &s, &l);
  for (int i = 0; i < 40 && contrast (&color, background) < 3.0; i++)
    {
      l = CLAMP (l + (dark ? 0.02 : -0.02), 0.0, 1.0);
      color = hsl_to_rgb (h, s, l);
    }
  return color;
}

void
chart_compute_colors (NhsChartRenderer *self)
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

void
chart_set_color (cairo_t             *cr,
           const NhsChartColor *c,
           double               alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

NhsChartColor
chart_lane_color (NhsChartRenderer *self,
            int               lane)
{
  if (lane < 0 || (guint) lane >= self->colors->len)
    return self->style.foreground;
  return g_array_index (self->colors, NhsChartColor, lane);
}

/* Black or white, whichever reads better on the colour */
NhsChartColor
chart_ink_on (const NhsChartColor *c)
{
  NhsChartColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  return contrast (c, &white) >= contrast (c, &black) ? white : black;
}

/* Patterns and dashes: the second cue besides colour */

guint
chart_pattern_of (int lane)
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
  chart_set_color (t, &self->style.background, 0.55);
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
void
chart_fill_lane_path (NhsChartRenderer *self,
                cairo_t          *cr,
                int               lane,
                double            alpha)
{
  NhsChartColor c = chart_lane_color (self, lane);
  guint pattern = chart_pattern_of (lane);

  chart_set_color (cr, &c, alpha);
  if (pattern == 0)
    {
      cairo_fill (cr);
      return;
    }
  cairo_fill_preserve (cr);
  cairo_set_source (cr, hatch_for (self, cr, pattern));
  cairo_fill (cr);
}

void
chart_set_dash (cairo_t *cr,
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
void
chart_shape_path (cairo_t     *cr,
                  NhsEventKind kind,
                  double       x,
                  double       y,
                  double       r)
{
  switch (kind)
    {
    case NHS_EVENT_KIND_BALLOT:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case NHS_EVENT_KIND_VOTE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case NHS_EVENT_KIND_OFFER:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case NHS_EVENT_KIND_DEAL:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y + r * 0.9);
      cairo_line_to (cr, x - r * 1.15, y + r * 0.9);
      cairo_close_path (cr);
      break;
    case NHS_EVENT_KIND_TALKS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x - r * 0.5, y, r * 0.7, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, x + r * 0.5, y, r * 0.7, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      break;
    }
}

void
chart_outline (NhsChartRenderer *self,
         cairo_t          *cr,
         NhsChartHighlight how)
{
  NhsChartColor fg = self->style.foreground;

  switch (how)
    {
    case NHS_CHART_HIGHLIGHT_SELECTED:
      chart_set_color (cr, &self->style.background, 1);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      chart_set_color (cr, &fg, 1);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      break;
    case NHS_CHART_HIGHLIGHT_CURSOR:
      chart_set_dash (cr, 1, 1.5);
      chart_set_color (cr, &fg, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      chart_set_dash (cr, 0, 1);
      break;
    case NHS_CHART_HIGHLIGHT_HOVER:
    default:
      chart_set_color (cr, &fg, 0.6);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    }
}

gboolean
chart_add_span (GArray *spans,
                double  x0,
                double  x1,
                double  join)
{
  double *end = spans->len > 0 ? &g_array_index (spans, double, spans->len - 1) : NULL;

  if (end != NULL && x0 <= *end + join)
    {
      *end = MAX (*end, x1);
      return FALSE;
    }
  g_array_append_val (spans, x0);
  g_array_append_val (spans, x1);
  return TRUE;
}

/* A line across the plot, on a pixel row's centre, so that it reads as one
 * row of pixels */
void
chart_draw_rule (NhsChartRenderer *self,
                 cairo_t          *cr,
                 double            y,
                 double            alpha)
{
  cairo_move_to (cr, self->plot_x, round (y) + 0.5);
  cairo_line_to (cr, self->plot_x + self->plot_w, round (y) + 0.5);
  chart_set_color (cr, &self->style.foreground, alpha);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

void
chart_inflate_rect (cairo_t    *cr,
              const Rect *r,
              double      by)
{
  cairo_rectangle (cr, r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by);
}

/* Text */

static void
set_text (NhsChartRenderer *self,
          const char       *text,
          TextKind          kind)
{
  pango_layout_set_font_description (self->layout, self->fonts[kind]);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_text (self->layout, text, -1);
}

void
chart_text_size (NhsChartRenderer *self,
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

/* Draws the layout with its top left at x, y, and files its box for the
 * tests */
static void
show_layout (NhsChartRenderer    *self,
             cairo_t             *cr,
             double               x,
             double               y,
             double               width,
             double               height,
             const NhsChartColor *color,
             double               alpha)
{
  NhsChartLabel box = { x, y, width, height };

  g_array_append_val (self->text_boxes, box);
  cairo_move_to (cr, x, y);
  chart_set_color (cr, color, alpha);
  pango_cairo_show_layout (cr, self->layout);
}

void
chart_show_text (NhsChartRenderer    *self,
                 cairo_t             *cr,
                 const char          *text,
                 TextKind             kind,
                 double               x,
                 double               y,
                 double               xalign,
                 const NhsChartColor *color,
                 double               alpha)
{
  double w, h;

  chart_text_size (self, text, kind, &w, &h);
  show_layout (self, cr, x - w * xalign, y, w, h, color, alpha);
}

/* Draws text with its top left at x, y, cut with an ellipsis at width */
void
chart_show_text_ellipsized (NhsChartRenderer    *self,
                            cairo_t             *cr,
                            const char          *text,
                            TextKind             kind,
                            double               x,
                            double               y,
                            double               width,
                            const NhsChartColor *color,
                            double               alpha)
{
  PangoRectangle logical;

  set_text (self, text, kind);
  pango_layout_set_width (self->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (self->layout, NULL, &logical);
  show_layout (self, cr, x, y, MIN ((double) logical.width / PANGO_SCALE, width),
               (double) logical.height / PANGO_SCALE, color, alpha);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
}

double
chart_line_height (NhsChartRenderer *self,
             TextKind          kind)
{
  if (self->line_h[kind] == 0)
    chart_text_size (self, "Mg", kind, NULL, &self->line_h[kind]);
  return self->line_h[kind];
}

void
chart_show_heading (NhsChartRenderer *self,
                    cairo_t          *cr,
                    const char       *text,
                    double            y)
{
  double w, room = self->width - self->pad - self->plot_x;

  /* a narrow chart cuts a long name short rather than at its edge */
  chart_text_size (self, text, TEXT_SMALL_BOLD, &w, NULL);
  if (w <= room)
    chart_show_text (self, cr, text, TEXT_SMALL_BOLD, self->plot_x, y, 0, &self->style.foreground, 0.85);
  else
    chart_show_text_ellipsized (self, cr, text, TEXT_SMALL_BOLD, self->plot_x, y, room, &self->style.foreground, 0.85);
}

char *
chart_format_number (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

char *
chart_format_percent (const char *number)
{
  /* TRANSLATORS: a percentage, "8.8%"; French writes "8,8 %" with a no-break space */
  return g_strdup_printf (_("%s%%"), number);
}

char *
chart_lane_days_label (const NhsChartLane *lane)
{
  /* TRANSLATORS: strike days of a group, beside its lane and in the legend */
  return g_strdup_printf (ngettext ("%u day", "%u days", lane->strike_days), lane->strike_days);
}

/* Scales */

GDateTime *
chart_local_time (NhsChartRenderer *self,
            gint64            us)
{
  return nhs_time_zone_local (nhs_chart_model_get_timezone (self->model), us);
}

double
chart_time_to_x (NhsChartRenderer *self,
           gint64            t)
{
  return self->plot_x + (double) (t - self->from_us) / (double) (self->to_us - self->from_us) * self->plot_w;
}

gint64
chart_x_to_time (NhsChartRenderer *self,
           double            x)
{
  return self->from_us + (gint64) ((x - self->plot_x) / self->plot_w * (double) (self->to_us - self->from_us));
}

/* A number scale: a step of 1, 2, 2.5 or 5 times a power of ten giving
 * about target intervals up to max */
double
chart_nice_step (double max,
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
int
chart_axis_ticks (NhsChartRenderer *self,
            double            height)
{
  return CLAMP ((int) (height / (self->font * 2.2)), 2, 4);
}

gboolean
chart_lane_shown (NhsChartRenderer *self,
            guint             lane)
{
  return g_array_index (self->lane_row, int, lane) >= 0;
}

void
chart_lane_band (NhsChartRenderer *self,
           guint             lane,
           double           *y,
           double           *h)
{
  int row = g_array_index (self->lane_row, int, lane);

  *y = self->lanes_y + row * self->lane_h;
  *h = self->lane_h;
}

gboolean
chart_in_plot_x (NhsChartRenderer *self,
                 double            x)
{
  return x >= self->plot_x - HIT_SLOP && x <= self->plot_x + self->plot_w + HIT_SLOP;
}

gboolean
chart_lane_at (NhsChartRenderer *self,
               double            x,
               double            y,
               int              *lane)
{
  *lane = -1;
  if (self->style.mode != NHS_CHART_MODE_TIMELINE || !chart_in_plot_x (self, x) ||
      y < self->lanes_y || y >= self->lanes_y + self->lanes_h)
    return FALSE;
  for (guint l = 0; l < self->lane_row->len; l++)
    {
      double ly, lh;

      if (!chart_lane_shown (self, l))
        continue;
      chart_lane_band (self, l, &ly, &lh);
      if (y >= ly && y < ly + lh)
        {
          *lane = (int) l;
          break;
        }
    }
  return TRUE;
}
