/* nhs-chart-renderer-private.h: the renderer's state, shared by its layers
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart is drawn by layers, one file each (nhs-chart-layer-*.c): each
 * draws itself and answers its own hit tests and highlights from
 * the layout the renderer (nhs-chart-renderer.c) worked out. What several
 * layers use (colours, patterns, text, the time scale) is in
 * nhs-chart-paint.c.
 */
#pragma once

#include <pango/pangocairo.h>

#include "nhs-chart-renderer.h"

G_BEGIN_DECLS

#define DAY_US (G_USEC_PER_SEC * (gint64) 86400)
#define N_PATTERNS 4
#define HIT_SLOP 5.0

/* x, y, width, height: the same four numbers as a label's */
typedef NhsChartLabel Rect;

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

/* What a legend swatch shows when it is not a group's */
typedef enum {
  KEY_MANDATE,
  KEY_ANNOUNCED,
  KEY_CALLED_OFF,
  KEY_AWARD,
  KEY_INFERRED,
  KEY_OFFER,
  KEY_CLAIM,
} LegendKey;

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
  double pad;
  double heading_h;         /* a panel's heading, above it */
  double title_y;           /* the legend layer's title, legend and source line */
  double legend_y;
  double source_bottom;
  double plot_x;
  double plot_w;
  double lanes_y;           /* the strike panel's plotting area */
  double lanes_h;
  double cum_y;             /* the cumulative panel's, height 0 when hidden */
  double cum_h;
  double pay_y;             /* the pay panel's, height 0 when hidden */
  double pay_h;
  double markers_y;
  double axis_y;            /* under the marker rows */
  double marker_row_h;
  int marker_row[NHS_EVENT_KIND_N];   /* -1: no row */
  GArray *lane_row;         /* int per lane: its row among the visible, or -1 */
  double lane_h;
  double bar_h;
  double month_max;         /* the monthly view's scale */
  double cum_max;
  double pay_max;           /* the top of the awards' scale */
  double claims_h;          /* the claims' band above it, 0 when none */
  double claims_lo;         /* and its scale */
  double claims_hi;
  GArray *legend;           /* LegendItem */
  GArray *pay_labels;       /* NhsChartLabel */
  GArray *colors;           /* NhsChartColor per lane */
  guint hidden;             /* NhsChartHidden: what the height had no room for */
  GArray *text_boxes;       /* NhsChartLabel: every text drawn, for the tests */

  /* only while rendering: the layout, its fonts, measures worth keeping */
  PangoLayout *layout;
  PangoFontDescription *fonts[N_TEXT_KINDS];
  double line_h[N_TEXT_KINDS];
  double digit_w;
  double mandate_w;
  cairo_pattern_t *hatches[N_PATTERNS];
};

/* Layers */

/* The room a layer needs around the plot, in logical pixels */
typedef struct
{
  double left;      /* the widest text left of the plot */
  double right;     /* the widest right of it; < 0: none */
  double top;       /* the title and legend */
  double bottom;    /* the source line */
} NhsChartMeasure;

typedef enum {
  LAYER_HIT_PASS,   /* not the layer's part of the chart: ask the next */
  LAYER_HIT_NONE,   /* its part, but nothing there: ask no other */
  LAYER_HIT_FOUND,
} LayerHit;

/* A layer's functions; any may be NULL */
typedef struct
{
  void     (*measure)       (NhsChartRenderer  *self,
                             NhsChartMeasure   *measure);
  void     (*draw)          (NhsChartRenderer  *self,
                             cairo_t           *cr);
  LayerHit (*hit)           (NhsChartRenderer  *self,
                             double             x,
                             double             y,
                             NhsChartHit       *hit);
  /* outlines what the event is drawn as in this layer */
  void     (*highlight)     (NhsChartRenderer  *self,
                             cairo_t           *cr,
                             NhsEvent          *event,
                             NhsChartHighlight  how);
  /* outlines a hit of this layer's; FALSE when it is not one */
  gboolean (*highlight_hit) (NhsChartRenderer  *self,
                             cairo_t           *cr,
                             const NhsChartHit *hit);
} NhsChartLayer;

extern const NhsChartLayer nhs_chart_legend_layer;      /* title, legend, source line */
extern const NhsChartLayer nhs_chart_axes_layer;        /* time axis, grid, value axes */
extern const NhsChartLayer nhs_chart_mandates_layer;
extern const NhsChartLayer nhs_chart_lanes_layer;       /* timeline: a lane of walkouts per group */
extern const NhsChartLayer nhs_chart_months_layer;      /* monthly: strike days stacked per month */
extern const NhsChartLayer nhs_chart_cumulative_layer;
extern const NhsChartLayer nhs_chart_pay_layer;
extern const NhsChartLayer nhs_chart_markers_layer;

/* Layer parts the others draw with */
double chart_axes_height (NhsChartRenderer *self);
void chart_draw_value_axis (NhsChartRenderer *self, cairo_t *cr, double top, double height, double max,
                            double step, gboolean percent);
/* the mandates of lane l, in its band, under its walkouts */
void chart_draw_mandates (NhsChartRenderer *self, cairo_t *cr, guint l, double ly, double lh);
void chart_draw_swatch (NhsChartRenderer *self, cairo_t *cr, int lane, LegendKey key, double x,
                        double y, double w, double h, double alpha);
/* a pay point's shape: a claim a hollow triangle, an offer a filled diamond */
void chart_draw_pay_point (NhsChartRenderer *self, cairo_t *cr, NhsFigureMetric metric, int lane,
                           double x, double y, double r);
int chart_n_marker_rows (NhsChartRenderer *self);

/* Colours and patterns (nhs-chart-paint.c) */
void chart_compute_colors (NhsChartRenderer *self);
gboolean chart_is_dark (const NhsChartColor *background);
void chart_set_color (cairo_t *cr, const NhsChartColor *c, double alpha);
NhsChartColor chart_lane_color (NhsChartRenderer *self, int lane);
NhsChartColor chart_ink_on (const NhsChartColor *c);
guint chart_pattern_of (int lane);
void chart_fill_lane_path (NhsChartRenderer *self, cairo_t *cr, int lane, double alpha);
void chart_set_dash (cairo_t *cr, guint pattern, double width);
void chart_shape_path (cairo_t *cr, NhsEventKind kind, double x, double y, double r);
void chart_outline (NhsChartRenderer *self, cairo_t *cr, NhsChartHighlight how);
void chart_inflate_rect (cairo_t *cr, const Rect *r, double by);
/* Adds [x0, x1] to spans (a GArray of double pairs, in order of x0): the
 * last span grows instead when x0 is within join of its end. The same
 * pixels as one shape per item, far fewer shapes to fill or stroke. TRUE
 * when a span began: the one before it, if any, is then complete. */
gboolean chart_add_span (GArray *spans, double x0, double x1, double join);
#define SPAN_X0(spans, i) (g_array_index ((spans), double, (i)))
#define SPAN_X1(spans, i) (g_array_index ((spans), double, (i) + 1))
/* a line across the plot at y, in the foreground colour */
void chart_draw_rule (NhsChartRenderer *self, cairo_t *cr, double y, double alpha);

/* Text */
void chart_text_size (NhsChartRenderer *self, const char *text, TextKind kind, double *width, double *height);
/* Draws text with its top at y, aligned at x by xalign (0 left, 0.5 centre,
 * 1 right) */
void chart_show_text (NhsChartRenderer *self, cairo_t *cr, const char *text, TextKind kind, double x,
                      double y, double xalign, const NhsChartColor *color, double alpha);
/* Draws text with its top left at x, y, cut with an ellipsis at width */
void chart_show_text_ellipsized (NhsChartRenderer *self, cairo_t *cr, const char *text, TextKind kind,
                                 double x, double y, double width, const NhsChartColor *color, double alpha);
double chart_line_height (NhsChartRenderer *self, TextKind kind);
/* a panel's name, ending heading_h above it */
void chart_show_heading (NhsChartRenderer *self, cairo_t *cr, const char *text, double y);
char *chart_format_number (double value);
char *chart_format_percent (const char *number);
char *chart_lane_days_label (const NhsChartLane *lane);

/* Scales */
GDateTime *chart_local_time (NhsChartRenderer *self, gint64 us);
double chart_time_to_x (NhsChartRenderer *self, gint64 t);
gint64 chart_x_to_time (NhsChartRenderer *self, double x);
double chart_nice_step (double max, int target, double min_step);
int chart_axis_ticks (NhsChartRenderer *self, double height);
gboolean chart_lane_shown (NhsChartRenderer *self, guint lane);
void chart_lane_band (NhsChartRenderer *self, guint lane, double *y, double *h);
gboolean chart_in_plot_x (NhsChartRenderer *self, double x);
/* Whether x, y is on the timeline's lanes; *lane the shown lane there, or
 * -1 between them */
gboolean chart_lane_at (NhsChartRenderer *self, double x, double y, int *lane);

G_END_DECLS
