/* nhs-chart-view.c: the chart of strike days and pay, as a widget
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart is drawn by NhsChartRenderer, the same code as every export,
 * once into a render node that is kept until the data, the range, the size
 * or the style change. Hover, selection and the keyboard's position are
 * drawn over it on each frame, so moving the pointer costs next to nothing.
 */
#define G_LOG_DOMAIN "nhs-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-renderer.h"
#include "nhs-chart-tooltip.h"
#include "nhs-chart-view.h"
#include "nhs-chart-view-private.h"
#include "nhs-ui-text.h"

#define DAY_US (G_USEC_PER_SEC * (gint64) 86400)
#define MIN_SPAN_US (3 * DAY_US)
#define ZOOM_STEP 1.5

struct _NhsChartView
{
  GtkWidget parent_instance;

  GtkWidget *mode_box;
  GtkWidget *layers_box;
  GtkWidget *zoom_box;
  GtkLabel *range_label;

  NhsDataset *dataset;
  NhsEventFilter *filter;
  GSignalGroup *filter_signals;
  GSignalGroup *events_signals;
  GSignalGroup *figures_signals;
  GSignalGroup *groups_signals;
  NhsChartModel *model;
  /* a large dataset's model is built in a thread, one build at a time */
  GCancellable *build_cancellable;
  gboolean building;
  gboolean build_again;
  NhsChartRenderer *renderer;
  GSettings *settings;

  NhsChartMode mode;
  gboolean show_cumulative;
  gboolean show_pay;

  /* the range shown; following the model's extent until zoomed or panned */
  gint64 from_us;
  gint64 to_us;
  gboolean zoomed;

  NhsEvent *selected;
  NhsEvent *cursor;
  NhsChartHit hover;

  /* the static chart, and what it was drawn for */
  GskRenderNode *node;
  int node_width;
  int node_height;
  int node_scale;
  double chart_y;

  /* gestures */
  gint64 drag_from_us;
  gint64 drag_to_us;
  gboolean dragging;
  gint64 pinch_from_us;
  gint64 pinch_to_us;
  double pointer_x;
};

G_DEFINE_FINAL_TYPE (NhsChartView, nhs_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  PROP_SHOW_CUMULATIVE,
  PROP_SHOW_PAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary functions */

static void
invalidate (NhsChartView *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
chart_height (NhsChartView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - self->chart_y, 1);
}

static void
update_range_label (NhsChartView *self)
{
  g_autofree char *text = NULL;

  if (self->model == NULL)
    {
      gtk_label_set_label (self->range_label, "");
      return;
    }
  text = nhs_format_span (nhs_chart_model_get_timezone (self->model), self->from_us, self->to_us);
  gtk_label_set_label (self->range_label, text);
}

static void
update_description (NhsChartView *self)
{
  g_autofree char *summary = self->model ? nhs_chart_model_dup_summary (self->model) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary ? summary : "",
                                  -1);
}

/* Keeps at least MIN_SPAN_US in view, at most a generous margin around the
 * data, and never a range that has scrolled wholly off it */
static void
clamp_range (NhsChartView *self,
             gint64       *from,
             gint64       *to)
{
  gint64 efrom, eto, espan, span, max_span;

  nhs_chart_model_get_extent (self->model, &efrom, &eto);
  espan = eto - efrom;
  max_span = MAX (espan * 3, MIN_SPAN_US);
  span = CLAMP (*to - *from, MIN_SPAN_US, max_span);
  if (*from < efrom - span / 2 - espan)
    *from = efrom - span / 2 - espan;
  if (*from + span > eto + span / 2 + espan)
    *from = eto + span / 2 + espan - span;
  *to = *from + span;
}

static void
apply_range (NhsChartView *self,
             gint64        from,
             gint64        to)
{
  gint64 efrom, eto;

  if (self->model == NULL)
    return;
  clamp_range (self, &from, &to);
  nhs_chart_model_get_extent (self->model, &efrom, &eto);
  self->zoomed = from != efrom || to != eto;
  if (from == self->from_us && to == self->to_us)
    return;
  self->from_us = from;
  self->to_us = to;
  update_range_label (self);
  invalidate (self);
}

static void
reset_range (NhsChartView *self)
{
  gint64 from, to;

  if (self->model == NULL)
    return;
  nhs_chart_model_get_extent (self->model, &from, &to);
  apply_range (self, from, to);
  self->zoomed = FALSE;
}

/* Zooms by factor (> 1 in) keeping the time under x where it is */
static void
zoom_at (NhsChartView *self,
         double        factor,
         double        x)
{
  double plot_x, plot_w, frac;
  gint64 span, anchor, new_span;

  if (self->model == NULL)
    return;
  nhs_chart_renderer_get_time_axis (self->renderer, &plot_x, &plot_w);
  frac = plot_w > 0 ? CLAMP ((x - plot_x) / plot_w, 0, 1) : 0.5;
  span = self->to_us - self->from_us;
  anchor = self->from_us + (gint64) (frac * span);
  new_span = (gint64) (span / factor);
  apply_range (self, anchor - (gint64) (frac * new_span), anchor - (gint64) (frac * new_span) + new_span);
}

static void
zoom_centre (NhsChartView *self,
             double        factor)
{
  double plot_x, plot_w;

  nhs_chart_renderer_get_time_axis (self->renderer, &plot_x, &plot_w);
  zoom_at (self, factor, plot_x + plot_w / 2);
}

/* Pans so that the event is in view, unless it already is */
static void
reveal_event (NhsChartView *self,
              NhsEvent     *event)
{
  gint64 start = nhs_event_get_start_us (event), end = nhs_event_get_end_us (event);
  gint64 span = self->to_us - self->from_us;

  if (self->model == NULL || (start >= self->from_us && end <= self->to_us))
    return;
  apply_range (self, start / 2 + end / 2 - span / 2, start / 2 + end / 2 - span / 2 + span);
}

/* Models of this many events and more are built in a thread: building one
 * for a large dataset would hold up every keystroke of a search and the
 * window's first frame of a dataset (docs/benchmarks.md). Smaller ones are
 * built at once. */
#define THREADED_EVENTS 50000

static void
show_model (NhsChartView  *self,
            NhsChartModel *model)
{
  g_set_object (&self->model, model);

  /* what is no longer drawn cannot stay selected or under the cursor */
  if (self->model == NULL || (self->cursor && nhs_chart_model_find_navigable (self->model, self->cursor) < 0))
    g_clear_object (&self->cursor);
  self->hover = (NhsChartHit) { NHS_CHART_HIT_NONE, -1, 0, NULL };

  if (self->model != NULL)
    {
      if (!self->zoomed)
        reset_range (self);
      else
        apply_range (self, self->from_us, self->to_us);
    }
  update_range_label (self);
  update_description (self);
  invalidate (self);
}

typedef struct
{
  NhsDataset *dataset;
  NhsEventFilter *filter;  /* a copy: the view's own changes as we build */
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->dataset);
  g_clear_object (&data->filter);
  g_free (data);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  NhsChartModel *model;

  /* an edit on the main thread waits for this, and this for an edit */
  nhs_dataset_read_lock (data->dataset);
  model = nhs_chart_model_new (data->dataset, data->filter);
  nhs_dataset_read_unlock (data->dataset);
  g_task_return_pointer (task, model, g_object_unref);
}

static void start_build (NhsChartView *self);

static void
build_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  NhsChartView *self = NHS_CHART_VIEW (source);
  g_autoptr(NhsChartModel) model = g_task_propagate_pointer (G_TASK (result), NULL);

  self->building = FALSE;
  /* out of date: the filter or the dataset changed meanwhile */
  if (self->build_again)
    start_build (self);
  /* cancelled (another dataset, or the view gone) */
  else if (model != NULL)
    show_model (self, model);
}

static void
start_build (NhsChartView *self)
{
  g_autoptr(GTask) task = NULL;
  BuildData *data;

  self->build_again = FALSE;
  if (self->building)
    {
      /* one at a time: the next starts when this one ends */
      self->build_again = TRUE;
      return;
    }
  data = g_new0 (BuildData, 1);
  data->dataset = g_object_ref (self->dataset);
  data->filter = self->filter ? nhs_event_filter_copy (self->filter) : NULL;
  if (self->build_cancellable == NULL)
    self->build_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->build_cancellable, build_done_cb, NULL);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  self->building = TRUE;
  g_task_run_in_thread (task, build_thread);
}

/* Drops a build under way: its dataset is no longer shown */
static void
cancel_build (NhsChartView *self)
{
  if (self->build_cancellable != NULL)
    {
      g_cancellable_cancel (self->build_cancellable);
      g_clear_object (&self->build_cancellable);
    }
  self->build_again = FALSE;
}

/* new_dataset: what is shown belongs to another dataset, and goes at once */
static void
rebuild_model (NhsChartView *self,
               gboolean      new_dataset)
{
  if (new_dataset)
    {
      cancel_build (self);
      show_model (self, NULL);
    }
  if (self->dataset == NULL)
    return;
  if (nhs_dataset_get_n_events (self->dataset) < THREADED_EVENTS)
    {
      g_autoptr(NhsChartModel) model = nhs_chart_model_new (self->dataset, self->filter);

      cancel_build (self);
      show_model (self, model);
    }
  else
    start_build (self);
}

/* Screen readers hear the event the keyboard is on: the chart's
 * description says it, then what the whole chart shows */
static void
announce_cursor (NhsChartView *self)
{
  g_autofree char *summary = self->model ? nhs_chart_model_dup_summary (self->model) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  if (self->cursor == NULL)
    {
      update_description (self);
      return;
    }
  day = nhs_format_day (nhs_event_get_start (self->cursor));
  /* Translators: the chart's event under the keyboard for screen readers,
   * "Junior doctors' six-day strike, 3 Jan 2024, Strike", then what the
   * chart shows */
  text = g_strdup_printf (_("%s, %s, %s. %s"), nhs_event_get_title (self->cursor), day,
                          nhs_event_kind_to_label (nhs_event_get_kind (self->cursor)), summary ? summary : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
set_cursor (NhsChartView *self,
            NhsEvent     *event)
{
  if (g_set_object (&self->cursor, event) && event != NULL)
    reveal_event (self, event);
  announce_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_event (NhsChartView *self,
                NhsEvent     *event)
{
  g_set_object (&self->selected, event);
  g_set_object (&self->cursor, event);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

/* The first navigable event in view, going forward or back */
static int
first_in_view (NhsChartView *self,
               gboolean      forward)
{
  guint n = nhs_chart_model_get_n_navigable (self->model);

  for (guint k = 0; k < n; k++)
    {
      guint i = forward ? k : n - 1 - k;
      NhsEvent *event = nhs_chart_model_get_navigable (self->model, i);
      if (nhs_event_get_end_us (event) > self->from_us && nhs_event_get_start_us (event) < self->to_us)
        return (int) i;
    }
  return n > 0 ? (forward ? 0 : (int) n - 1) : -1;
}

static void
move_cursor (NhsChartView *self,
             int           delta)
{
  int n, pos;

  if (self->model == NULL || (n = (int) nhs_chart_model_get_n_navigable (self->model)) == 0)
    return;
  pos = self->cursor ? nhs_chart_model_find_navigable (self->model, self->cursor) : -1;
  if (pos < 0 && self->selected)
    pos = nhs_chart_model_find_navigable (self->model, self->selected);
  if (pos < 0)
    pos = first_in_view (self, delta > 0);
  else
    pos = CLAMP (pos + delta, 0, n - 1);
  set_cursor (self, nhs_chart_model_get_navigable (self->model, pos));
}

static void
read_style (NhsChartView  *self,
            NhsChartStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA fg, bg;
  double size;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "theme_bg_color", &bg) &&
      !gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    {
      /* no named colour: the opposite of the text will do */
      gboolean light_text = fg.red + fg.green + fg.blue > 1.5;
      bg = light_text ? (GdkRGBA) { 0.14, 0.14, 0.14, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  nhs_chart_style_init (style, FALSE);
  style->foreground = (NhsChartColor) { fg.red, fg.green, fg.blue, fg.alpha };
  style->background = (NhsChartColor) { bg.red, bg.green, bg.blue, 1 };
  style->fill_background = FALSE;
  style->font_family = font ? pango_font_description_get_family (font) : NULL;
  size = font ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 11;
  if (font && !pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  /* chart text a little smaller than the interface's */
  style->font_size = CLAMP (size * 0.86, 9, 24);
  style->mode = self->mode;
  style->show_cumulative = self->show_cumulative;
  style->show_pay = self->show_pay;
  style->show_title = FALSE;
  style->show_legend = TRUE;
  style->show_source = TRUE;
  style->legend_shows_hidden = TRUE;
}

static void
update_style (NhsChartView *self)
{
  NhsChartStyle style;
  const NhsChartStyle *old = nhs_chart_renderer_get_style (self->renderer);

  read_style (self, &style);
  if (memcmp (&style.foreground, &old->foreground, sizeof style.foreground) == 0 &&
      memcmp (&style.background, &old->background, sizeof style.background) == 0 &&
      g_strcmp0 (style.font_family, old->font_family) == 0 && style.font_size == old->font_size &&
      style.mode == old->mode && style.show_cumulative == old->show_cumulative && style.show_pay == old->show_pay)
    return;
  nhs_chart_renderer_set_style (self->renderer, &style);
  invalidate (self);
}

/* The chart is rendered into an image once and kept: a cairo node of the
 * drawing itself would keep only a recording, which GTK replays at every
 * frame that touches the chart, which at many events costs far more than
 * rendering into an image once (docs/benchmarks.md). How the image is kept
 * depends on the renderer: for GL, a texture, uploaded once; for GTK 4.8's
 * cairo renderer a texture is converted pixel by pixel through floats at
 * every frame that draws it, so there the image is kept in a cairo node
 * that paints it, one copy of the pixels the frame needs. */
static void
ensure_node (NhsChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = (int) chart_height (self);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_t *cr;

  if (self->node != NULL && self->node_width == width && self->node_height == height && self->node_scale == scale)
    return;
  g_clear_pointer (&self->node, gsk_render_node_unref);
  if (self->model == NULL || width <= 1 || height <= 1)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      /* too large to draw (or out of memory): nothing shown until it fits */
      g_warning ("Cannot draw a chart of %d×%d pixels: %s", width * scale, height * scale,
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  nhs_chart_renderer_render (self->renderer, self->model, cr, width, height, self->from_us, self->to_us);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  self->node_width = width;
  self->node_height = height;
  self->node_scale = scale;

  if (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)))))
    {
      self->node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      cr = gsk_cairo_node_get_draw_context (self->node);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return;
    }

  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT; the texture keeps the surface */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  self->node = gsk_texture_node_new (texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Callbacks */

/* the filter changed, or an edit changed the events in place (NhsDocument) */
static void
inputs_changed_cb (NhsChartView *self)
{
  rebuild_model (self, FALSE);
}

static void
click_pressed_cb (NhsChartView    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (y < self->chart_y)
    return;
  if (n_press == 2)
    {
      reset_range (self);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
click_released_cb (NhsChartView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  NhsChartHit hit;

  if (n_press != 1 || y < self->chart_y || self->dragging || self->model == NULL)
    return;
  /* not a hit in a render of the model before this one, not drawn yet */
  if (!nhs_chart_renderer_hit_test (self->renderer, x, y - self->chart_y, &hit) ||
      !nhs_chart_hit_in_model (self->model, &hit))
    return;
  if (hit.kind == NHS_CHART_HIT_LEGEND)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, hit.lane);
      if (self->filter != NULL)
        nhs_event_filter_set_group_enabled (self->filter, nhs_group_get_id (lane->group), !lane->visible);
      return;
    }
  if (hit.kind == NHS_CHART_HIT_MONTH && self->filter != NULL)
    {
      /* a month's column selects that month: the list and chart show it */
      const NhsChartMonthStack *stack = &g_array_index (nhs_chart_model_get_month_stacks (self->model),
                                                        NhsChartMonthStack, hit.index);
      GTimeZone *tz = nhs_chart_model_get_timezone (self->model);
      g_autoptr(GDateTime) first = g_date_time_new (tz, stack->year, stack->month, 1, 0, 0, 0);
      g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
      g_autoptr(GDateTime) last = g_date_time_add_days (next, -1);

      nhs_event_filter_set_range (self->filter, first, last);
      return;
    }
  if (hit.event != NULL && nhs_chart_model_find_navigable (self->model, hit.event) >= 0)
    activate_event (self, hit.event);
}

static void
drag_begin_cb (NhsChartView   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->dragging = FALSE;
  self->drag_from_us = self->from_us;
  self->drag_to_us = self->to_us;
  if (y < self->chart_y)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (NhsChartView   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  double plot_x, plot_w;
  gint64 shift;

  if (!self->dragging)
    {
      if (ABS (dx) < 4)
        return;
      /* past the threshold: a pan, not a click */
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  nhs_chart_renderer_get_time_axis (self->renderer, &plot_x, &plot_w);
  shift = (gint64) (-dx / MAX (plot_w, 1) * (self->drag_to_us - self->drag_from_us));
  apply_range (self, self->drag_from_us + shift, self->drag_to_us + shift);
}

static void
drag_end_cb (NhsChartView   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  if (self->dragging)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->dragging = FALSE;
}

static gboolean
scroll_cb (NhsChartView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double plot_x, plot_w;
  gint64 span = self->to_us - self->from_us;

  if (self->model == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      /* around the pointer, where the motion controller last saw it */
      zoom_at (self, dy < 0 ? ZOOM_STEP : dy > 0 ? 1 / ZOOM_STEP : 1, self->pointer_x);
      return TRUE;
    }

  /* a wheel turned either way pans: down and right go later */
  nhs_chart_renderer_get_time_axis (self->renderer, &plot_x, &plot_w);
  {
    double delta = dx != 0 ? dx : dy;
    gint64 shift = (gint64) (delta * 40 / MAX (plot_w, 1) * span);
    apply_range (self, self->from_us + shift, self->to_us + shift);
  }
  return TRUE;
}

static void
pinch_begin_cb (NhsChartView   *self,
                GdkEventSequence *sequence,
                GtkGestureZoom *gesture)
{
  self->pinch_from_us = self->from_us;
  self->pinch_to_us = self->to_us;
}

static void
pinch_scale_cb (NhsChartView   *self,
                double          scale,
                GtkGestureZoom *gesture)
{
  double cx, cy, plot_x, plot_w, frac;
  gint64 span = self->pinch_to_us - self->pinch_from_us, new_span, anchor;

  if (self->model == NULL || scale <= 0 || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    return;
  nhs_chart_renderer_get_time_axis (self->renderer, &plot_x, &plot_w);
  frac = plot_w > 0 ? CLAMP ((cx - plot_x) / plot_w, 0, 1) : 0.5;
  anchor = self->pinch_from_us + (gint64) (frac * span);
  new_span = (gint64) (span / scale);
  apply_range (self, anchor - (gint64) (frac * new_span), anchor - (gint64) (frac * new_span) + new_span);
}

static void
motion_cb (NhsChartView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  NhsChartHit hit = { NHS_CHART_HIT_NONE, -1, 0, NULL };

  self->pointer_x = x;
  if (self->model != NULL && y >= self->chart_y)
    nhs_chart_renderer_hit_test (self->renderer, x, y - self->chart_y, &hit);
  if (!self->dragging)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     hit.event != NULL || hit.kind == NHS_CHART_HIT_LEGEND ? "pointer" : NULL);
  if (memcmp (&hit, &self->hover, sizeof hit) == 0)
    return;
  self->hover = hit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (NhsChartView *self)
{
  if (self->hover.kind == NHS_CHART_HIT_NONE)
    return;
  self->hover = (NhsChartHit) { NHS_CHART_HIT_NONE, -1, 0, NULL };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions and key bindings */

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  zoom_centre (NHS_CHART_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  zoom_centre (NHS_CHART_VIEW (widget), 1 / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  reset_range (NHS_CHART_VIEW (widget));
}

static void
previous_event_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  move_cursor (NHS_CHART_VIEW (widget), -1);
}

static void
next_event_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  move_cursor (NHS_CHART_VIEW (widget), 1);
}

static void
activate_event_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  NhsChartView *self = NHS_CHART_VIEW (widget);

  if (self->cursor != NULL)
    activate_event (self, self->cursor);
}

/* The keys' own actions: the same as the ones above, but enabled only while
 * the chart itself has the focus, so that arrows and Enter on one of its
 * buttons do what they do there */
static void
key_previous_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  move_cursor (NHS_CHART_VIEW (widget), -1);
}

static void
key_next_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  move_cursor (NHS_CHART_VIEW (widget), 1);
}

/* GObject overrides */

static void
nhs_chart_view_dispose (GObject *object)
{
  NhsChartView *self = NHS_CHART_VIEW (object);

  cancel_build (self);
  g_signal_group_set_target (self->filter_signals, NULL);
  g_signal_group_set_target (self->events_signals, NULL);
  g_signal_group_set_target (self->figures_signals, NULL);
  g_signal_group_set_target (self->groups_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_CHART_VIEW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (nhs_chart_view_parent_class)->dispose (object);
}

static void
nhs_chart_view_finalize (GObject *object)
{
  NhsChartView *self = NHS_CHART_VIEW (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->renderer);
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_clear_object (&self->filter_signals);
  g_clear_object (&self->events_signals);
  g_clear_object (&self->figures_signals);
  g_clear_object (&self->groups_signals);
  g_clear_object (&self->selected);
  g_clear_object (&self->cursor);
  G_OBJECT_CLASS (nhs_chart_view_parent_class)->finalize (object);
}

static void
nhs_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NhsChartView *self = NHS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_SHOW_CUMULATIVE:
      g_value_set_boolean (value, self->show_cumulative);
      break;
    case PROP_SHOW_PAY:
      g_value_set_boolean (value, self->show_pay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NhsChartView *self = NHS_CHART_VIEW (object);
  gboolean b;

  switch (prop_id)
    {
    case PROP_MODE:
      nhs_chart_view_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_CUMULATIVE:
      b = g_value_get_boolean (value);
      if (b == self->show_cumulative)
        break;
      self->show_cumulative = b;
      update_style (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SHOW_PAY:
      b = g_value_get_boolean (value);
      if (b == self->show_pay)
        break;
      self->show_pay = b;
      update_style (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The toolbar's parts left to right, each at its natural width, wrapping
 * to a new row where the next does not fit; the last (the range and the
 * zoom buttons) takes the rest of its row. Returns the toolbar's height. */
static int
layout_toolbar (NhsChartView *self,
                int           width,
                gboolean      allocate)
{
  GtkWidget *parts[] = { self->mode_box, self->layers_box, self->zoom_box };
  int x = 0, y = 0, row_height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gboolean last = i + 1 == G_N_ELEMENTS (parts);
      int min, nat, wanted, part_width, part_height;

      gtk_widget_measure (parts[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      wanted = last ? min : nat;
      if (x > 0 && x + wanted > width)
        {
          y += row_height;
          x = 0;
          row_height = 0;
        }
      part_width = last ? MAX (width - x, min) : MAX (MIN (nat, width - x), min);
      gtk_widget_measure (parts[i], GTK_ORIENTATION_VERTICAL, part_width, NULL, &part_height, NULL, NULL);
      if (allocate)
        gtk_widget_allocate (parts[i], part_width, part_height, -1,
                             gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y)));
      row_height = MAX (row_height, part_height);
      x += part_width;
    }
  return y + row_height;
}

/* Widget overrides */

static void
nhs_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  NhsChartView *self = NHS_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      GtkWidget *parts[] = { self->mode_box, self->layers_box, self->zoom_box };
      int sum = 0, widest = 0;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          int min, nat;

          gtk_widget_measure (parts[i], orientation, -1, &min, &nat, NULL, NULL);
          widest = MAX (widest, min);
          sum += nat;
        }
      /* narrow, the parts of the toolbar wrap */
      *minimum = MAX (widest, 300);
      *natural = MAX (sum, 900);
    }
  else
    {
      /* with no width given, as wide as it likes: one row */
      int toolbar_height = layout_toolbar (self, for_size >= 0 ? for_size : G_MAXINT / 2, FALSE);

      /* 170: the legend, the lanes and the time axis, at the least
       * (test-chart-fit); shorter than the rest needs, the chart drops the
       * pay panel, the events' row and the source line, and says so */
      *minimum = toolbar_height + 170;
      *natural = toolbar_height + 360;
    }
}

static void
nhs_chart_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NhsChartView *self = NHS_CHART_VIEW (widget);

  self->chart_y = layout_toolbar (self, width, TRUE);
}

static void
nhs_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  NhsChartView *self = NHS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  double height = chart_height (self);
  cairo_t *cr;

  gtk_widget_snapshot_child (widget, self->mode_box, snapshot);
  gtk_widget_snapshot_child (widget, self->layers_box, snapshot);
  gtk_widget_snapshot_child (widget, self->zoom_box, snapshot);
  ensure_node (self);
  if (self->node == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->chart_y));
  gtk_snapshot_append_node (snapshot, self->node);

  /* what changes with the pointer and the keyboard, on top: recorded, then
   * drawn over only the area it covers, so a hover costs a few pixels */
  if (self->hover.kind != NHS_CHART_HIT_NONE || self->selected != NULL ||
      (self->cursor != NULL && gtk_widget_has_focus (widget)))
    {
      cairo_surface_t *overlay = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      double x, y, w, h;

      cr = cairo_create (overlay);
      if (self->selected != NULL && nhs_chart_model_find_navigable (self->model, self->selected) >= 0)
        nhs_chart_renderer_draw_event_highlight (self->renderer, cr, self->selected, NHS_CHART_HIGHLIGHT_SELECTED);
      if (self->cursor != NULL && self->cursor != self->selected && gtk_widget_has_focus (widget))
        nhs_chart_renderer_draw_event_highlight (self->renderer, cr, self->cursor, NHS_CHART_HIGHLIGHT_CURSOR);
      if (self->hover.kind != NHS_CHART_HIT_NONE)
        nhs_chart_renderer_draw_hit_highlight (self->renderer, cr, &self->hover);
      cairo_destroy (cr);

      cairo_recording_surface_ink_extents (overlay, &x, &y, &w, &h);
      if (w > 0 && h > 0)
        {
          x = MAX (floor (x), 0);
          y = MAX (floor (y), 0);
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, MIN (ceil (w) + 1, width - x),
                                                                         MIN (ceil (h) + 1, height - y)));
          cairo_set_source_surface (cr, overlay, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
      cairo_surface_destroy (overlay);
    }

  if (gtk_widget_has_visible_focus (widget) && gtk_widget_has_focus (widget))
    {
      GdkRGBA accent = { 0.21, 0.52, 0.89, 0.6 };
      GskRoundedRect outline;
      float w[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4];

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "theme_selected_bg_color", &accent);
      G_GNUC_END_IGNORE_DEPRECATIONS
      accent.alpha = 0.6;
      for (int i = 0; i < 4; i++)
        colors[i] = accent;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (2, 2, width - 4, height - 4), 6);
      gtk_snapshot_append_border (snapshot, &outline, w, colors);
    }
  gtk_snapshot_restore (snapshot);
}

static gboolean
nhs_chart_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  NhsChartView *self = NHS_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  NhsChartHit hit;

  if (self->model == NULL)
    return FALSE;
  if (keyboard && self->cursor != NULL)
    {
      /* the keyboard's event, described as the pointer's would be */
      NhsChartHit cursor_hit = { NHS_CHART_HIT_MARKER, -1, 0, self->cursor };
      if (nhs_event_get_kind (self->cursor) == NHS_EVENT_KIND_STRIKE)
        cursor_hit.kind = NHS_CHART_HIT_BAR;
      text = nhs_chart_dup_hit_text (self->model, &cursor_hit);
    }
  else if (y >= self->chart_y && nhs_chart_renderer_hit_test (self->renderer, x, y - self->chart_y, &hit))
    text = nhs_chart_dup_hit_text (self->model, &hit);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
nhs_chart_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (nhs_chart_view_parent_class)->css_changed (widget, change);
  update_style (NHS_CHART_VIEW (widget));
}

static void
nhs_chart_view_focus_changed (NhsChartView *self)
{
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.key-previous", focused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.key-next", focused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.key-activate", focused);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
nhs_chart_view_class_init (NhsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_chart_view_dispose;
  object_class->finalize = nhs_chart_view_finalize;
  object_class->get_property = nhs_chart_view_get_property;
  object_class->set_property = nhs_chart_view_set_property;

  widget_class->measure = nhs_chart_view_measure;
  widget_class->size_allocate = nhs_chart_view_size_allocate;
  widget_class->snapshot = nhs_chart_view_snapshot;
  widget_class->query_tooltip = nhs_chart_view_query_tooltip;
  widget_class->css_changed = nhs_chart_view_css_changed;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, NHS_TYPE_CHART_MODE, NHS_CHART_MODE_TIMELINE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_CUMULATIVE] =
    g_param_spec_boolean ("show-cumulative", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PAY] =
    g_param_spec_boolean ("show-pay", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, NHS_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsChartView, mode_box);
  gtk_widget_class_bind_template_child (widget_class, NhsChartView, layers_box);
  gtk_widget_class_bind_template_child (widget_class, NhsChartView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, NhsChartView, range_label);

  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "chart.previous-event", NULL, previous_event_action);
  gtk_widget_class_install_action (widget_class, "chart.next-event", NULL, next_event_action);
  gtk_widget_class_install_action (widget_class, "chart.activate-event", NULL, activate_event_action);
  gtk_widget_class_install_action (widget_class, "chart.key-previous", NULL, key_previous_action);
  gtk_widget_class_install_action (widget_class, "chart.key-next", NULL, key_next_action);
  gtk_widget_class_install_action (widget_class, "chart.key-activate", NULL, activate_event_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "chart.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.key-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.key-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.key-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.key-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.key-activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.key-activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.key-activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nhs_chart_view_init (NhsChartView *self)
{
  g_autoptr(GSimpleActionGroup) view_actions = g_simple_action_group_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  const char *properties_as_actions[] = { "mode", "show-cumulative", "show-pay" };
  GtkGesture *click, *drag, *pinch;
  GtkEventController *scroll, *motion;

  self->renderer = nhs_chart_renderer_new ();
  self->show_pay = TRUE;
  self->hover = (NhsChartHit) { NHS_CHART_HIT_NONE, -1, 0, NULL };
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (properties_as_actions); i++)
    {
      g_autoptr(GPropertyAction) action = g_property_action_new (properties_as_actions[i], self, properties_as_actions[i]);
      g_action_map_add_action (G_ACTION_MAP (view_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (view_actions));

  /* the window's settings when they are installed (not in every test) */
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "chart-mode", self, "mode", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "chart-show-cumulative", self, "show-cumulative", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "chart-show-pay", self, "show-pay", G_SETTINGS_BIND_DEFAULT);
    }

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_object (pinch, "begin", G_CALLBACK (pinch_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (pinch_scale_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (self, "notify::has-focus", G_CALLBACK (nhs_chart_view_focus_changed), NULL);
  nhs_chart_view_focus_changed (self);

  self->filter_signals = g_signal_group_new (NHS_TYPE_EVENT_FILTER);
  g_signal_group_connect_swapped (self->filter_signals, "changed", G_CALLBACK (inputs_changed_cb), self);
  self->events_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->events_signals, "items-changed", G_CALLBACK (inputs_changed_cb), self);
  self->figures_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->figures_signals, "items-changed", G_CALLBACK (inputs_changed_cb), self);
  self->groups_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->groups_signals, "items-changed", G_CALLBACK (inputs_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart of strike days and pay"),
                                  -1);
  update_style (self);
}

/* Public API */

GtkWidget *
nhs_chart_view_new (void)
{
  return g_object_new (NHS_TYPE_CHART_VIEW, NULL);
}

void
nhs_chart_view_set_dataset (NhsChartView *self,
                            NhsDataset   *dataset)
{
  g_return_if_fail (NHS_IS_CHART_VIEW (self));
  g_return_if_fail (dataset == NULL || NHS_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;
  g_set_object (&self->dataset, dataset);
  /* an edit changes the events in place (NhsDocument), and the figures
   * (the pay panel) and groups (names, colours) too */
  g_signal_group_set_target (self->events_signals, dataset ? nhs_dataset_get_events (dataset) : NULL);
  g_signal_group_set_target (self->figures_signals, dataset ? nhs_dataset_get_figures (dataset) : NULL);
  g_signal_group_set_target (self->groups_signals, dataset ? nhs_dataset_get_groups (dataset) : NULL);
  g_clear_object (&self->selected);
  g_clear_object (&self->cursor);
  self->zoomed = FALSE;
  rebuild_model (self, TRUE);
}

void
nhs_chart_view_set_filter (NhsChartView   *self,
                           NhsEventFilter *filter)
{
  g_return_if_fail (NHS_IS_CHART_VIEW (self));
  g_return_if_fail (filter == NULL || NHS_IS_EVENT_FILTER (filter));

  if (!g_set_object (&self->filter, filter))
    return;
  g_signal_group_set_target (self->filter_signals, filter);
  rebuild_model (self, FALSE);
}

void
nhs_chart_view_set_selected_event (NhsChartView *self,
                                   NhsEvent     *event)
{
  g_return_if_fail (NHS_IS_CHART_VIEW (self));
  g_return_if_fail (event == NULL || NHS_IS_EVENT (event));

  if (!g_set_object (&self->selected, event))
    return;
  if (event != NULL)
    {
      g_set_object (&self->cursor, event);
      if (self->model != NULL && nhs_chart_model_find_navigable (self->model, event) >= 0)
        reveal_event (self, event);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

NhsEvent *
nhs_chart_view_get_selected_event (NhsChartView *self)
{
  g_return_val_if_fail (NHS_IS_CHART_VIEW (self), NULL);
  return self->selected;
}

NhsEvent *
nhs_chart_view_get_cursor_event (NhsChartView *self)
{
  g_return_val_if_fail (NHS_IS_CHART_VIEW (self), NULL);
  return self->cursor;
}

void
nhs_chart_view_get_export_options (NhsChartView          *self,
                                   NhsChartExportOptions *options)
{
  g_return_if_fail (NHS_IS_CHART_VIEW (self));
  g_return_if_fail (options != NULL);

  nhs_chart_export_options_init (options);
  options->from_us = self->from_us;
  options->to_us = self->to_us;
  options->mode = self->mode;
  options->show_cumulative = self->show_cumulative;
  options->show_pay = self->show_pay;
}

NhsChartMode
nhs_chart_view_get_mode (NhsChartView *self)
{
  g_return_val_if_fail (NHS_IS_CHART_VIEW (self), NHS_CHART_MODE_TIMELINE);
  return self->mode;
}

void
nhs_chart_view_set_mode (NhsChartView *self,
                         NhsChartMode  mode)
{
  g_return_if_fail (NHS_IS_CHART_VIEW (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  update_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

void
nhs_chart_view_get_range (NhsChartView *self,
                          gint64       *from_us,
                          gint64       *to_us)
{
  g_return_if_fail (NHS_IS_CHART_VIEW (self));
  *from_us = self->from_us;
  *to_us = self->to_us;
}

void
nhs_chart_view_set_range (NhsChartView *self,
                          gint64        from_us,
                          gint64        to_us)
{
  g_return_if_fail (NHS_IS_CHART_VIEW (self));

  if (to_us <= from_us)
    reset_range (self);
  else
    apply_range (self, from_us, to_us);
}

/* Private API, for the tests */

NhsChartModel *
nhs_chart_view_get_model (NhsChartView *self)
{
  g_return_val_if_fail (NHS_IS_CHART_VIEW (self), NULL);
  return self->model;
}
