/* test-chart-fit.c: the chart at small heights, where rows give way in a
 * fixed order and no text is drawn over another
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nhs-chart-export.h"
#include "test-chart-util.h"

static NhsChartModel *
bundled_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bundled (&error);

  g_assert_no_error (error);
  return nhs_chart_model_new (ds, NULL);
}

static void
render (NhsChartRenderer    *renderer,
        NhsChartModel       *model,
        const NhsChartStyle *style,
        int                  width,
        int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  nhs_chart_renderer_set_style (renderer, style);
  nhs_chart_renderer_render (renderer, model, cr, width, height, 0, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Text boxes may touch (a line's logical box has some air in it) but not
 * cross by more than a pixel */
static gboolean
boxes_cross (const NhsChartLabel *a,
             const NhsChartLabel *b)
{
  return a->x + 1 < b->x + b->width && b->x + 1 < a->x + a->width &&
         a->y + 1 < b->y + b->height && b->y + 1 < a->y + a->height;
}

static void
assert_no_text_crosses (NhsChartRenderer *renderer,
                        int               width,
                        int               height)
{
  GArray *boxes = nhs_chart_renderer_get_text_boxes (renderer);

  g_assert_cmpuint (boxes->len, >, 0);
  for (guint i = 0; i < boxes->len; i++)
    {
      const NhsChartLabel *a = &g_array_index (boxes, NhsChartLabel, i);

      /* nothing cut off at an edge */
      if (a->y < -0.5 || a->y + a->height > height + 0.5 || a->x < -0.5 || a->x + a->width > width + 0.5)
        g_error ("at %dx%d, text %u (%g, %g, %g × %g) is cut off", width, height, i, a->x, a->y, a->width,
                 a->height);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const NhsChartLabel *b = &g_array_index (boxes, NhsChartLabel, j);

          if (boxes_cross (a, b))
            g_error ("at %dx%d, text %u (%g, %g, %g × %g) crosses text %u (%g, %g, %g × %g)", width, height, i, a->x,
                     a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
        }
    }
}

/* The window's chart: no title, a legend and the source line; the three
 * groups' lanes are always there and always named */
static void
test_window_heights (void)
{
  g_autoptr(NhsChartModel) model = bundled_model ();
  g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
  NhsChartStyle style;
  gboolean pay_seen = FALSE, pay_gone = FALSE;

  for (int dark = 0; dark < 2; dark++)
    for (int height = 120; height <= 400; height += 10)
      {
        nhs_chart_style_init (&style, dark);
        style.show_title = FALSE;
        render (renderer, model, &style, 800, height);
        assert_no_text_crosses (renderer, 800, height);
        if (nhs_chart_renderer_pay_to_y (renderer, 0) < 0)
          pay_gone = TRUE;
        else
          pay_seen = TRUE;
      }
  /* the pay panel goes when short of room and comes back with it */
  g_assert_true (pay_gone);
  g_assert_true (pay_seen);

  /* at the least the window's chart view gives it (nhs-chart-view.c), the
   * chart keeps its legend, its lanes' names and its axis */
  nhs_chart_style_init (&style, FALSE);
  style.show_title = FALSE;
  render (renderer, model, &style, 800, 170);
  g_assert_false (nhs_chart_renderer_get_hidden_rows (renderer) & NHS_CHART_HIDDEN_LEGEND);
  g_assert_cmpuint (nhs_chart_renderer_get_text_boxes (renderer)->len, >, 20);

  /* a taller chart keeps what a shorter one kept */
  nhs_chart_style_init (&style, FALSE);
  style.show_title = FALSE;
  render (renderer, model, &style, 800, 400);
  g_assert_cmpfloat (nhs_chart_renderer_pay_to_y (renderer, 0), >, 0);
}

/* Every mode and panel, narrow (the chart view of a narrow window) and wide */
static void
test_every_mode (void)
{
  g_autoptr(NhsChartModel) model = bundled_model ();
  g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
  const int widths[] = { 340, 800, 1200 };
  NhsChartStyle style;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (int mode = 0; mode < 2; mode++)
      for (int cumulative = 0; cumulative < 2; cumulative++)
        for (int height = 120; height <= 600; height += 20)
          {
            nhs_chart_style_init (&style, FALSE);
            style.show_title = FALSE;
            style.mode = mode ? NHS_CHART_MODE_MONTHLY : NHS_CHART_MODE_TIMELINE;
            style.show_cumulative = cumulative;
            render (renderer, model, &style, widths[w], height);
            assert_no_text_crosses (renderer, widths[w], height);
          }
}

static gboolean
highlight_changes_pixels (NhsChartRenderer *renderer,
                          NhsChartModel    *model,
                          NhsEvent         *event,
                          int               height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, height);
  cairo_t *cr = cairo_create (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autofree guint8 *before = NULL;
  NhsChartStyle style;
  gboolean changed;

  nhs_chart_style_init (&style, FALSE);
  style.show_title = FALSE;
  nhs_chart_renderer_set_style (renderer, &style);
  nhs_chart_renderer_render (renderer, model, cr, 800, height, 0, 0);
  cairo_surface_flush (surface);
  before = g_memdup2 (cairo_image_surface_get_data (surface), (gsize) stride * height);
  nhs_chart_renderer_draw_event_highlight (renderer, cr, event, NHS_CHART_HIGHLIGHT_SELECTED);
  cairo_surface_flush (surface);
  changed = memcmp (before, cairo_image_surface_get_data (surface), (gsize) stride * height) != 0;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return changed;
}

/* An offer's marker and pay point are outlined where they are drawn, and
 * nowhere when their rows gave way */
static void
test_highlight_hidden_rows (void)
{
  g_autoptr(NhsChartModel) model = bundled_model ();
  g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
  GArray *markers = nhs_chart_model_get_markers (model);
  NhsEvent *offer = NULL;

  for (guint i = 0; i < markers->len && offer == NULL; i++)
    if (nhs_event_get_kind (g_array_index (markers, NhsChartMarker, i).event) == NHS_EVENT_KIND_OFFER)
      offer = g_array_index (markers, NhsChartMarker, i).event;
  g_assert_nonnull (offer);

  g_assert_true (highlight_changes_pixels (renderer, model, offer, 400));
  g_assert_false (nhs_chart_renderer_get_hidden_rows (renderer) & NHS_CHART_HIDDEN_EVENTS);
  g_assert_false (highlight_changes_pixels (renderer, model, offer, 170));
  g_assert_true (nhs_chart_renderer_get_hidden_rows (renderer) & NHS_CHART_HIDDEN_EVENTS);
  g_assert_true (nhs_chart_renderer_get_hidden_rows (renderer) & NHS_CHART_HIDDEN_PAY);
}

/* The exported picture, from the smallest the command line allows */
static void
test_export_heights (void)
{
  g_autoptr(NhsChartModel) model = bundled_model ();
  g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
  NhsChartExportOptions options;
  NhsChartStyle style;

  nhs_chart_export_options_init (&options);
  for (int height = 150; height <= 450; height += 15)
    {
      options.width = 800;
      options.height = height;
      nhs_chart_export_options_to_style (&options, &style);
      render (renderer, model, &style, options.width, options.height);
      assert_no_text_crosses (renderer, options.width, options.height);
    }
}

/* At the default size the export has everything: the pay panel with its
 * ticks, and no note in its place */
static void
test_default_size_complete (void)
{
  g_autoptr(NhsChartModel) model = bundled_model ();
  g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
  NhsChartExportOptions options;
  NhsChartStyle style;

  nhs_chart_export_options_init (&options);
  nhs_chart_export_options_to_style (&options, &style);
  render (renderer, model, &style, options.width, options.height);
  g_assert_cmpfloat (nhs_chart_renderer_pay_to_y (renderer, 0), >, 0);
  g_assert_cmpfloat (nhs_chart_renderer_pay_to_y (renderer, 10), <, nhs_chart_renderer_pay_to_y (renderer, 0));
  g_assert_cmpuint (nhs_chart_renderer_get_hidden_rows (renderer), ==, 0);
  assert_no_text_crosses (renderer, options.width, options.height);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-fit/window-heights", test_window_heights);
  g_test_add_func ("/chart-fit/export-heights", test_export_heights);
  g_test_add_func ("/chart-fit/every-mode", test_every_mode);
  g_test_add_func ("/chart-fit/highlight-hidden-rows", test_highlight_hidden_rows);
  g_test_add_func ("/chart-fit/default-size-complete", test_default_size_complete);
  return g_test_run ();
}
