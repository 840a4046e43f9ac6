/* nhs-chart-renderer.h: draws a chart model with cairo and pango
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one renderer behind the window and every export, so both show the same
 * picture. It knows nothing of widgets: the caller gives it a cairo context,
 * a size in logical pixels and the time range to show. It remembers the
 * layout of its last render, for hit tests and highlights drawn on top.
 */
#pragma once

#include <cairo.h>

#include "nhs-chart-model.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} NhsChartColor;

typedef struct
{
  NhsChartColor foreground;
  NhsChartColor background;
  /* FALSE: leave the background transparent (the widget; a transparent
   * export). The background colour still decides light or dark variants. */
  gboolean      fill_background;
  const char   *font_family;          /* NULL: the default sans-serif */
  double        font_size;            /* px */
  NhsChartMode  mode;
  gboolean      show_cumulative;
  gboolean      show_pay;
  gboolean      show_title;
  gboolean      show_legend;
  gboolean      show_source;
  /* the widget keeps hidden groups in the legend, dimmed, to show them again */
  gboolean      legend_shows_hidden;
} NhsChartStyle;

/* Light or dark defaults: Adwaita's text and window colours */
void nhs_chart_style_init (NhsChartStyle *style,
                           gboolean       dark);

typedef enum {
  NHS_CHART_HIT_NONE,
  NHS_CHART_HIT_BAR,          /* lane, index into lane->bars */
  NHS_CHART_HIT_MANDATE,      /* lane, index into lane->mandates */
  NHS_CHART_HIT_MONTH,        /* lane, index into the month stacks */
  NHS_CHART_HIT_MARKER,       /* index into the markers */
  NHS_CHART_HIT_STEP,         /* index into the steps */
  NHS_CHART_HIT_PAY_POINT,    /* index into the pay points */
  NHS_CHART_HIT_LEGEND,       /* lane */
} NhsChartHitKind;

typedef struct
{
  NhsChartHitKind kind;
  int             lane;
  guint           index;
  NhsEvent       *event;      /* what clicking selects, or NULL */
} NhsChartHit;

typedef enum {
  NHS_CHART_HIGHLIGHT_HOVER,
  NHS_CHART_HIGHLIGHT_SELECTED,
  NHS_CHART_HIGHLIGHT_CURSOR,  /* the keyboard's position */
} NhsChartHighlight;

#define NHS_TYPE_CHART_RENDERER (nhs_chart_renderer_get_type ())
G_DECLARE_FINAL_TYPE (NhsChartRenderer, nhs_chart_renderer, NHS, CHART_RENDERER, GObject)

NhsChartRenderer    *nhs_chart_renderer_new        (void);
void                 nhs_chart_renderer_set_style  (NhsChartRenderer    *self,
                                                    const NhsChartStyle *style);
const NhsChartStyle *nhs_chart_renderer_get_style  (NhsChartRenderer    *self);

/* Draws the whole chart into (0, 0, width, height) of cr, showing from_us to
 * to_us (0 and 0: the model's extent) */
void      nhs_chart_renderer_render            (NhsChartRenderer *self,
                                                NhsChartModel    *model,
                                                cairo_t          *cr,
                                                double            width,
                                                double            height,
                                                gint64            from_us,
                                                gint64            to_us);

/* What is at (x, y) in the last render */
gboolean  nhs_chart_renderer_hit_test          (NhsChartRenderer *self,
                                                double            x,
                                                double            y,
                                                NhsChartHit      *hit);

/* Outlines what the event is drawn as, on top of the last render */
void      nhs_chart_renderer_draw_event_highlight (NhsChartRenderer *self,
                                                   cairo_t          *cr,
                                                   NhsEvent         *event,
                                                   NhsChartHighlight how);
/* Outlines what a hit found (a month, a pay step, a legend entry …) */
void      nhs_chart_renderer_draw_hit_highlight   (NhsChartRenderer  *self,
                                                   cairo_t           *cr,
                                                   const NhsChartHit *hit);

/* The geometry of the last render, in its logical pixels */
/* the horizontal span of the time axis */
void      nhs_chart_renderer_get_time_axis     (NhsChartRenderer *self,
                                                double           *x,
                                                double           *width);
/* the band of a group's lane in the timeline; FALSE when it is not drawn */
gboolean  nhs_chart_renderer_get_lane_band     (NhsChartRenderer *self,
                                                guint             lane,
                                                double           *y,
                                                double           *height);
/* where a percentage is drawn in the pay panel (the middle of its line);
 * -1 when the panel is hidden */
double    nhs_chart_renderer_pay_to_y          (NhsChartRenderer *self,
                                                double            value);
/* The pay panel's labels in the last render, in logical pixels: a GArray of
 * NhsChartLabel, owned by the renderer */
typedef struct
{
  double x, y, width, height;
} NhsChartLabel;
GArray   *nhs_chart_renderer_get_pay_labels    (NhsChartRenderer *self);
/* Every text of the last render, as drawn: a GArray of NhsChartLabel, owned
 * by the renderer (for tests that check nothing is drawn over anything) */
GArray   *nhs_chart_renderer_get_text_boxes    (NhsChartRenderer *self);
/* What the last render left out because the chart was too short for it, in
 * this order */
typedef enum
{
  NHS_CHART_HIDDEN_CUMULATIVE = 1 << 0,
  NHS_CHART_HIDDEN_PAY        = 1 << 1,
  NHS_CHART_HIDDEN_MARGINS    = 1 << 2,   /* narrowed, not gone */
  NHS_CHART_HIDDEN_EVENTS     = 1 << 3,
  NHS_CHART_HIDDEN_SOURCE     = 1 << 4,
  NHS_CHART_HIDDEN_LEGEND     = 1 << 5,
  NHS_CHART_HIDDEN_TITLE      = 1 << 6,
} NhsChartHidden;
guint     nhs_chart_renderer_get_hidden_rows   (NhsChartRenderer *self);

G_END_DECLS
