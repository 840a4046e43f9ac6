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
 *
 * This file lays the panels out and composes the layers
 * (nhs-chart-layer-*.c), which draw themselves and answer for what they
 * drew.
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-renderer-private.h"

G_DEFINE_FINAL_TYPE (NhsChartRenderer, nhs_chart_renderer, G_TYPE_OBJECT)

/* The strike panel's names, and what it says when it is empty: drawn after
 * the grid, before any panel */
static void
draw_headings (NhsChartRenderer *self,
               cairo_t          *cr)
{
  gboolean monthly = self->style.mode == NHS_CHART_MODE_MONTHLY;
  const char *heading = monthly ? _("Strike days per month") : _("Strike days");
  double lh = chart_line_height (self, TEXT_SMALL);

  chart_show_heading (self, cr, heading, self->lanes_y - self->heading_h - (monthly ? lh * 0.3 : 0));

  /* what the height had no room for, at the heading's other end, where it
   * fits */
  if (self->hidden & (NHS_CHART_HIDDEN_PAY | NHS_CHART_HIDDEN_CUMULATIVE))
    {
      const char *note = self->hidden & NHS_CHART_HIDDEN_PAY ? _("Pay panel hidden: make the chart taller")
                                                            : _("Cumulative panel hidden: make the chart taller");
      double heading_w, note_w;

      chart_text_size (self, heading, TEXT_SMALL_BOLD, &heading_w, NULL);
      chart_text_size (self, note, TEXT_SMALL, &note_w, NULL);
      if (heading_w + self->font * 2 + note_w <= self->plot_w)
        chart_show_text (self, cr, note, TEXT_SMALL, self->plot_x + self->plot_w,
                         self->lanes_y - self->heading_h, 1, &self->style.foreground, 0.65);
    }

  if (nhs_chart_model_get_n_visible_lanes (self->model) == 0)
    chart_show_text (self, cr, _("No groups shown: choose one in the legend"), TEXT_NORMAL,
                     self->plot_x + self->plot_w / 2, self->lanes_y + self->lanes_h / 2 - lh / 2, 0.5,
                     &self->style.foreground, 0.6);
}

static const NhsChartLayer headings_layer = {
  .draw = draw_headings,
};

/* In drawing order. The lanes draw only in the timeline, the months only in
 * the monthly view (the mandates are drawn by the lanes), but every layer
 * measures, whatever the mode, so the plot keeps its place when the mode
 * changes. */
static const NhsChartLayer * const layers[] = {
  &nhs_chart_legend_layer, &nhs_chart_axes_layer, &headings_layer, &nhs_chart_lanes_layer,
  &nhs_chart_months_layer, &nhs_chart_cumulative_layer, &nhs_chart_pay_layer, &nhs_chart_markers_layer,
};
/* The order hit tests and highlights ask them in: the legend, then the
 * panels from the top, a walkout before the mandate under it, a marker
 * before the figures of its event */
static const NhsChartLayer * const query_order[] = {
  &nhs_chart_legend_layer, &nhs_chart_lanes_layer, &nhs_chart_months_layer, &nhs_chart_markers_layer,
  &nhs_chart_mandates_layer, &nhs_chart_pay_layer,
};

/* Fonts */

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

/* Layout */

static void
compute_rows (NhsChartRenderer *self)
{
  guint n = nhs_chart_model_get_n_lanes (self->model);
  GArray *markers = nhs_chart_model_get_markers (self->model);
  int row = 0;

  g_array_set_size (self->lane_row, n);
  for (guint l = 0; l < n; l++)
    g_array_index (self->lane_row, int, l) = nhs_chart_model_get_lane (self->model, l)->visible ? row++ : -1;

  for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
    self->marker_row[k] = -1;
  for (guint i = 0; i < markers->len; i++)
    self->marker_row[g_array_index (markers, NhsChartMarker, i).kind] = 0;
  row = 0;
  for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
    if (self->marker_row[k] == 0)
      self->marker_row[k] = row++;
}

/* Moves the title and the legend up by dy */
static void
move_top_up (NhsChartRenderer *self,
             double            dy)
{
  self->title_y -= dy;
  self->legend_y -= dy;
  for (guint i = 0; i < self->legend->len; i++)
    g_array_index (self->legend, LegendItem, i).rect.y -= dy;
}

static void
layout (NhsChartRenderer *self)
{
  NhsChartMeasure measure = { 0, -1, 0, 0 };
  double y, bottom;
  double gap = self->font * 0.9;
  double avail, strike_h, lanes_min, source_h;
  double small_h = chart_line_height (self, TEXT_SMALL);
  gboolean show_cum, show_pay;
  int rows;
  guint n_visible = nhs_chart_model_get_n_visible_lanes (self->model);

  self->pad = round (self->font * 1.2);
  self->heading_h = chart_line_height (self, TEXT_SMALL_BOLD) + 4;
  measure.top = self->pad;
  measure.bottom = self->height - self->pad;
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    if (layers[i]->measure != NULL)
      layers[i]->measure (self, &measure);
  y = measure.top;
  bottom = measure.bottom;

  self->plot_x = self->pad + (measure.left + self->font);
  self->plot_w = MAX (self->width - self->plot_x - self->pad -
                      (measure.right < 0 ? self->font * 0.5 : measure.right + self->font), 10);

  rows = chart_n_marker_rows (self);
  self->marker_row_h = CLAMP (round (self->font * 1.35), 10, 22);
  self->hidden = 0;
  show_cum = self->style.show_cumulative;
  show_pay = self->style.show_pay;
  avail = bottom - chart_axes_height (self) - y - rows * self->marker_row_h - self->heading_h - gap * 0.5 -
          (show_pay ? self->heading_h + gap : 0) -
          (show_cum ? self->heading_h + gap : 0);

  /* short of room, the marker rows fold into one */
  if (rows > 1 && avail < self->font * 11)
    {
      for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
        if (self->marker_row[k] > 0)
          self->marker_row[k] = 0;
      avail += (rows - 1) * self->marker_row_h;
      rows = 1;
    }

  /* Shorter still, whole rows give way, the least needed first, until
   * every row left has room for its text: the cumulative panel, the pay
   * panel, the margins, the events' row, the source line, the legend, the title. The
   * strike lanes and the time axis stay. */
  lanes_min = self->style.mode == NHS_CHART_MODE_MONTHLY ? 2 * small_h + 4 :
              MAX (n_visible, 1) * (chart_line_height (self, TEXT_BOLD) + 2);
  source_h = self->style.show_source ? self->source_bottom - measure.bottom : 0;
  for (;;)
    {
      double s = show_pay ? round (avail * 0.58) : avail;
      double c = show_cum ? round (s * 0.4) : 0;

      if (s - c >= lanes_min && (!show_cum || c >= 2 * small_h + 4) && (!show_pay || avail - s >= 3 * small_h + 4))
        break;
      if (show_cum)
        {
          show_cum = FALSE;
          self->hidden |= NHS_CHART_HIDDEN_CUMULATIVE;
          avail += self->heading_h + gap;
        }
      else if (show_pay)
        {
          show_pay = FALSE;
          self->hidden |= NHS_CHART_HIDDEN_PAY;
          avail += self->heading_h + gap;
        }
      else if (!(self->hidden & NHS_CHART_HIDDEN_MARGINS))
        {
          /* the margins narrow before anything with words in it goes */
          double by = self->pad - round (self->font * 0.4);

          self->hidden |= NHS_CHART_HIDDEN_MARGINS;
          move_top_up (self, by);
          y -= by;
          self->source_bottom += by;
          bottom += by;
          avail += 2 * by;
        }
      else if (rows > 0)
        {
          for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
            self->marker_row[k] = -1;
          self->hidden |= NHS_CHART_HIDDEN_EVENTS;
          avail += rows * self->marker_row_h;
          rows = 0;
        }
      else if (self->style.show_source && !(self->hidden & NHS_CHART_HIDDEN_SOURCE))
        {
          self->hidden |= NHS_CHART_HIDDEN_SOURCE;
          avail += source_h;
          bottom += source_h;
        }
      else if (self->style.show_legend && !(self->hidden & NHS_CHART_HIDDEN_LEGEND))
        {
          double legend_h = y - self->legend_y;

          self->hidden |= NHS_CHART_HIDDEN_LEGEND;
          g_array_set_size (self->legend, 0);
          avail += legend_h;
          y -= legend_h;
        }
      else if (self->style.show_title && !(self->hidden & NHS_CHART_HIDDEN_TITLE))
        {
          double title_h = (self->style.show_legend ? self->legend_y : y) - self->title_y;

          /* the legend, if it stays, moves up into the title's place */
          self->hidden |= NHS_CHART_HIDDEN_TITLE;
          move_top_up (self, title_h);
          self->title_y += title_h;
          avail += title_h;
          y -= title_h;
        }
      else
        break;
    }
  avail = MAX (avail, 20);
  strike_h = show_pay ? round (avail * 0.58) : avail;

  self->lanes_y = y + self->heading_h;
  self->lanes_h = strike_h;
  y = self->lanes_y + self->lanes_h + gap;
  self->cum_h = 0;
  if (show_cum)
    {
      self->cum_h = round (strike_h * 0.4);
      self->lanes_h = strike_h - self->cum_h;
      self->cum_y = self->lanes_y + self->lanes_h + gap + self->heading_h;
      y = self->cum_y + self->cum_h + gap;
    }
  if (show_pay)
    {
      self->pay_y = y + self->heading_h;
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
  self->axis_y = y + 1;

  self->lane_h = self->lanes_h / MAX (n_visible, 1);
  self->bar_h = round (MIN (self->lane_h * 0.62, self->font * 2.4));
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
  g_clear_pointer (&self->pay_labels, g_array_unref);
  g_clear_pointer (&self->colors, g_array_unref);
  g_clear_pointer (&self->text_boxes, g_array_unref);
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
  self->pay_labels = g_array_new (FALSE, FALSE, sizeof (NhsChartLabel));
  self->colors = g_array_new (FALSE, FALSE, sizeof (NhsChartColor));
  self->text_boxes = g_array_new (FALSE, FALSE, sizeof (NhsChartLabel));
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
  g_array_set_size (self->text_boxes, 0);
  chart_compute_colors (self);
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
  chart_text_size (self, "0", TEXT_SMALL_BOLD, &self->digit_w, NULL);
  chart_text_size (self, _("mandate"), TEXT_SMALL, &self->mandate_w, NULL);

  layout (self);
  cairo_save (cr);
  if (self->style.fill_background)
    {
      chart_set_color (cr, &self->style.background, 1);
      cairo_paint (cr);
    }
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    if (layers[i]->draw != NULL)
      layers[i]->draw (self, cr);
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
  for (guint i = 0; i < G_N_ELEMENTS (query_order); i++)
    {
      LayerHit found = query_order[i]->hit (self, x, y, hit);
      if (found != LAYER_HIT_PASS)
        return found == LAYER_HIT_FOUND;
    }
  return FALSE;
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
  for (guint i = 0; i < G_N_ELEMENTS (query_order); i++)
    if (query_order[i]->highlight != NULL)
      query_order[i]->highlight (self, cr, event, how);
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
  if (hit->kind == NHS_CHART_HIT_BAR || hit->kind == NHS_CHART_HIT_MARKER || hit->kind == NHS_CHART_HIT_MANDATE)
    {
      if (hit->event != NULL)
        nhs_chart_renderer_draw_event_highlight (self, cr, hit->event, NHS_CHART_HIGHLIGHT_HOVER);
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (query_order); i++)
      if (query_order[i]->highlight_hit != NULL && query_order[i]->highlight_hit (self, cr, hit))
        break;
  cairo_restore (cr);
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
      lane >= self->lane_row->len || !chart_lane_shown (self, lane))
    return FALSE;
  chart_lane_band (self, lane, y, height);
  return TRUE;
}

GArray *
nhs_chart_renderer_get_text_boxes (NhsChartRenderer *self)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), NULL);
  return self->text_boxes;
}

guint
nhs_chart_renderer_get_hidden_rows (NhsChartRenderer *self)
{
  g_return_val_if_fail (NHS_IS_CHART_RENDERER (self), 0);
  return self->hidden;
}
