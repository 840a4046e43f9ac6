/* test-chart-view.c: the chart widget and the export dialog, on a display
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "nhs-chart-view.h"
#include "nhs-export-dialog.h"
#include "test-util.h"

typedef struct
{
  NhsDataset *dataset;
  NhsEventFilter *filter;
  GtkWindow *window;
  NhsChartView *view;
  GPtrArray *activated;     /* event ids, in order */
} Fixture;

static void
activated_cb (NhsChartView *view,
              NhsEvent     *event,
              Fixture      *f)
{
  g_ptr_array_add (f->activated, g_strdup (nhs_event_get_id (event)));
}

static void
wait_until_drawn (Fixture *f)
{
  for (int i = 0; i < 200 && (!gtk_widget_get_mapped (GTK_WIDGET (f->view)) ||
                              gtk_widget_get_width (GTK_WIDGET (f->view)) < 100); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  test_drain_main_context (0);
}

/* Lets GTK lay out and draw what changed, as it would before a frame */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 150 * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* Runs the main loop until @widget has the focus or @want_focus is FALSE
 * and it has not, for up to 5 s: under load, the X server tells the
 * window it is active later than a fixed wait allows */
static gboolean
wait_for_focus (GtkWidget *widget,
                gboolean   want_focus)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_has_focus (widget) != want_focus && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  return gtk_widget_has_focus (widget) == want_focus;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *name = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* every test starts from the default settings */
  g_settings_reset (settings, "chart-mode");
  g_settings_reset (settings, "chart-show-cumulative");
  g_settings_reset (settings, "chart-show-pay");

  if (name != NULL)
    f->dataset = test_load_fixture (name);
  else
    {
      g_autoptr(GError) error = NULL;
      f->dataset = nhs_dataset_load_bundled (&error);
      g_assert_no_error (error);
    }
  f->filter = nhs_event_filter_new ();
  f->activated = g_ptr_array_new_with_free_func (g_free);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 460);
  f->view = NHS_CHART_VIEW (nhs_chart_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  nhs_chart_view_set_dataset (f->view, f->dataset);
  nhs_chart_view_set_filter (f->view, f->filter);
  g_signal_connect (f->view, "event-activated", G_CALLBACK (activated_cb), f);
  gtk_window_present (f->window);
  wait_until_drawn (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->filter);
  g_clear_object (&f->dataset);
  g_clear_pointer (&f->activated, g_ptr_array_unref);
}

static const char *
id_of (NhsEvent *event)
{
  return event ? nhs_event_get_id (event) : "(none)";
}

static void
assert_description (NhsChartView *view,
                    const char   *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                  expected);
  if (mismatch != NULL)
    g_error ("the description is “%s”, not “%s”", mismatch, expected);
}

static void
test_description (Fixture       *f,
                  gconstpointer  data)
{
  assert_description (f->view, "Strike days by group, March 2023 to December 2025: "
                                "Residents 59 days in 14 walkouts; Consultants 9 days in 4 walkouts; "
                                "SAS no walkouts");

  /* it follows the filter */
  nhs_event_filter_set_group_enabled (f->filter, "resident", FALSE);
  assert_description (f->view, "Strike days by group, July 2023 to October 2023: "
                                "Consultants 9 days in 4 walkouts; SAS no walkouts");
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));
  g_assert_null (nhs_chart_view_get_cursor_event (f->view));

  /* Right starts at the first event shown, then steps through them in order */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.next-event", NULL));
  g_assert_cmpstr (id_of (nhs_chart_view_get_cursor_event (f->view)), ==, "ballot-rd");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.next-event", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.next-event", NULL);
  g_assert_cmpstr (id_of (nhs_chart_view_get_cursor_event (f->view)), ==, "rd-jan");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.previous-event", NULL);
  g_assert_cmpstr (id_of (nhs_chart_view_get_cursor_event (f->view)), ==, "talks-rd");
  /* moving is not selecting */
  g_assert_cmpuint (f->activated->len, ==, 0);
  g_assert_null (nhs_chart_view_get_selected_event (f->view));

  /* Enter selects and tells the window */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.activate-event", NULL);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "talks-rd");
  g_assert_cmpstr (id_of (nhs_chart_view_get_selected_event (f->view)), ==, "talks-rd");

  /* the keys (Left, Right, Enter) act only while the chart itself has the
   * focus: on one of its buttons, arrows and Enter are the button's */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->view)));
  g_assert_true (wait_for_focus (GTK_WIDGET (f->view), TRUE));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.key-next", NULL);
  g_assert_cmpstr (id_of (nhs_chart_view_get_cursor_event (f->view)), ==, "rd-jan");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->view), GTK_DIR_TAB_FORWARD));
  g_assert_true (wait_for_focus (GTK_WIDGET (f->view), FALSE));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.key-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.key-activate", NULL);
  g_assert_cmpstr (id_of (nhs_chart_view_get_cursor_event (f->view)), ==, "rd-jan");
  g_assert_cmpuint (f->activated->len, ==, 1);

  /* at the ends it stays put */
  for (int i = 0; i < 30; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.next-event", NULL);
  g_assert_cmpstr (id_of (nhs_chart_view_get_cursor_event (f->view)), ==, "award-2024");
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) jan = g_date_time_new (tz, 2024, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) feb = g_date_time_new (tz, 2024, 2, 1, 0, 0, 0);
  NhsEvent *july = nhs_dataset_lookup_event (f->dataset, "rd-jul");
  gint64 from, to;

  /* zoomed into January, the list selects July's walkout: the chart
   * follows, keeping its zoom, and tells no one (the list knows) */
  nhs_chart_view_set_range (f->view, g_date_time_to_unix (jan) * G_USEC_PER_SEC, g_date_time_to_unix (feb) * G_USEC_PER_SEC);
  nhs_chart_view_get_range (f->view, &from, &to);
  g_assert_cmpint (to - from, ==, 31 * G_USEC_PER_SEC * (gint64) 86400);
  nhs_chart_view_set_selected_event (f->view, july);
  g_assert_true (nhs_chart_view_get_selected_event (f->view) == july);
  g_assert_cmpuint (f->activated->len, ==, 0);
  nhs_chart_view_get_range (f->view, &from, &to);
  g_assert_cmpint (from, <=, nhs_event_get_start_us (july));
  g_assert_cmpint (to, >=, nhs_event_get_end_us (july));
  g_assert_cmpint (to - from, ==, 31 * G_USEC_PER_SEC * (gint64) 86400);

  /* Enter on the selection activates it; the keyboard starts from it */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.activate-event", NULL);
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->activated, 0), ==, "rd-jul");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.previous-event", NULL);
  g_assert_cmpstr (id_of (nhs_chart_view_get_cursor_event (f->view)), ==, "deal-cons");

  /* Home shows everything again */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.zoom-reset", NULL);
  {
    g_autoptr(NhsChartModel) model = nhs_chart_model_new (f->dataset, f->filter);
    gint64 efrom, eto;
    nhs_chart_model_get_extent (model, &efrom, &eto);
    nhs_chart_view_get_range (f->view, &from, &to);
    g_assert_cmpint (from, ==, efrom);
    g_assert_cmpint (to, ==, eto);
  }
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  gint64 from, to, zfrom, zto;

  nhs_chart_view_get_range (f->view, &from, &to);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.zoom-in", NULL);
  nhs_chart_view_get_range (f->view, &zfrom, &zto);
  /* two thirds of the span, around the middle */
  g_assert_cmpint (ABS ((zto - zfrom) - (to - from) * 2 / 3), <, G_USEC_PER_SEC * 60);
  g_assert_cmpint (zfrom, >, from);
  g_assert_cmpint (zto, <, to);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.zoom-out", NULL);
  nhs_chart_view_get_range (f->view, &zfrom, &zto);
  g_assert_cmpint (ABS ((zto - zfrom) - (to - from)), <, G_USEC_PER_SEC * 60);

  /* however far in, never less than three days */
  for (int i = 0; i < 40; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "chart.zoom-in", NULL);
  nhs_chart_view_get_range (f->view, &zfrom, &zto);
  g_assert_cmpint (zto - zfrom, ==, 3 * G_USEC_PER_SEC * (gint64) 86400);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NhsChartExportOptions options;

  g_assert_cmpint (nhs_chart_view_get_mode (f->view), ==, NHS_CHART_MODE_TIMELINE);
  g_settings_set_string (settings, "chart-mode", "monthly");
  g_assert_cmpint (nhs_chart_view_get_mode (f->view), ==, NHS_CHART_MODE_MONTHLY);
  g_settings_set_boolean (settings, "chart-show-cumulative", TRUE);
  g_settings_set_boolean (settings, "chart-show-pay", FALSE);

  /* and the toolbar's action writes back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.mode", "s", "timeline"));
  {
    g_autofree char *mode = g_settings_get_string (settings, "chart-mode");
    g_assert_cmpstr (mode, ==, "timeline");
  }

  /* an export takes exactly what the view shows */
  nhs_chart_view_get_export_options (f->view, &options);
  g_assert_cmpint (options.mode, ==, NHS_CHART_MODE_TIMELINE);
  g_assert_true (options.show_cumulative);
  g_assert_false (options.show_pay);
  {
    gint64 from, to;
    nhs_chart_view_get_range (f->view, &from, &to);
    g_assert_cmpint (options.from_us, ==, from);
    g_assert_cmpint (options.to_us, ==, to);
  }
}

/* Draws the widget as GTK would and counts the pixels of one colour */
static guint
count_color (Fixture *f,
             guint8   r,
             guint8   g,
             guint8   b)
{
  int width, height;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n = 0;

  settle ();
  width = gtk_widget_get_width (GTK_WIDGET (f->view));
  height = gtk_widget_get_height (GTK_WIDGET (f->view));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  GTK_WIDGET_GET_CLASS (f->view)->snapshot (GTK_WIDGET (f->view), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));
      for (int x = 0; x < width; x++)
        if (row[x] == (0xff000000u | (guint32) r << 16 | (guint32) g << 8 | b))
          n++;
    }
  cairo_surface_destroy (surface);
  return n;
}

static void
test_groups_drawn (Fixture       *f,
                   gconstpointer  data)
{
  guint before, after;

  /* the residents' blue is on screen (their bars, swatches, lines) … */
  before = count_color (f, 0x1c, 0x71, 0xd8);
  g_test_message ("residents blue pixels: %u, consultants orange: %u", before, count_color (f, 0xe6, 0x61, 0x00));
  g_assert_cmpuint (before, >, 200);
  g_assert_cmpuint (count_color (f, 0xe6, 0x61, 0x00), >, 50);

  /* … and gone when the filter hides them, while the consultants stay */
  nhs_event_filter_set_group_enabled (f->filter, "resident", FALSE);
  after = count_color (f, 0x1c, 0x71, 0xd8);
  g_assert_cmpuint (after, ==, 0);
  g_assert_cmpuint (count_color (f, 0xe6, 0x61, 0x00), >, 50);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("nhs-export-dialog-XXXXXX", NULL);
  g_autofree char *bare = g_build_filename (dir, "chart", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "chart.svg", NULL);
  g_autoptr(GFile) bare_file = g_file_new_for_path (bare);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  NhsChartExportOptions options;
  NhsExportDialog *dialog;
  gint64 from, to;

  g_settings_set_int (settings, "export-width", 640);
  g_settings_set_int (settings, "export-height", 360);
  g_settings_set_int (settings, "export-scale", 2);
  g_settings_set_string (settings, "export-background", "dark");
  g_settings_set_boolean (settings, "export-show-legend", FALSE);
  nhs_chart_view_set_mode (f->view, NHS_CHART_MODE_MONTHLY);

  dialog = nhs_export_dialog_new (f->window, f->dataset, f->filter, f->view);
  gtk_window_present (GTK_WINDOW (dialog));
  nhs_export_dialog_get_options (dialog, &options);
  nhs_chart_view_get_range (f->view, &from, &to);
  g_assert_cmpint (options.width, ==, 640);
  g_assert_cmpint (options.scale, ==, 2);
  g_assert_cmpint (options.background, ==, NHS_CHART_BACKGROUND_DARK);
  g_assert_false (options.show_legend);
  g_assert_cmpint (options.mode, ==, NHS_CHART_MODE_MONTHLY);
  g_assert_cmpint (options.from_us, ==, from);
  g_assert_cmpint (options.to_us, ==, to);

  /* a name without an extension becomes a PNG, at twice the size */
  g_assert_true (nhs_export_dialog_save (dialog, bare_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpuint (be32 ((const guint8 *) contents + 16), ==, 1280);
  g_assert_cmpuint (be32 ((const guint8 *) contents + 20), ==, 720);

  /* a folder that is not there: an error in words, no file */
  g_assert_false (nhs_export_dialog_save (dialog, missing_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (g_remove (png), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-height");
  g_settings_reset (settings, "export-scale");
  g_settings_reset (settings, "export-background");
  g_settings_reset (settings, "export-show-legend");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/chart-view/description", Fixture, NULL, fixture_set_up, test_description, fixture_tear_down);
  g_test_add ("/chart-view/keyboard", Fixture, "chart.json", fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/chart-view/selection", Fixture, "chart.json", fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/chart-view/zoom", Fixture, "chart.json", fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/chart-view/settings", Fixture, "chart.json", fixture_set_up, test_settings, fixture_tear_down);
  g_test_add ("/chart-view/groups-drawn", Fixture, NULL, fixture_set_up, test_groups_drawn, fixture_tear_down);
  g_test_add ("/chart-view/export-dialog", Fixture, "chart.json", fixture_set_up, test_export_dialog, fixture_tear_down);

  return g_test_run ();
}
