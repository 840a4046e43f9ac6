/* test-layout.c: a window that stays put and adapts (needs a display)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At 360×600 the chart, the events and the article are views of their
 * own, each reachable and none cut off; the window keeps its size when the
 * evidence card and the find bar open and close; the panes open where
 * they were left.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nhs-chart-view.h"
#include "test-window-util.h"

static gboolean
is_narrow (gpointer window)
{
  return nhs_window_is_narrow (window);
}

/* Runs the main loop for a while: sizes settle over a few frames */
static void
settle_frames (NhsWindow *window)
{
  gint64 end = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  settle (window);
}

/* Every mapped widget under root that a person reads or uses (labels,
 * buttons, entries, the list, the text, the chart) lies wholly inside the
 * window (inside a scrolled window, across: down is where it scrolls);
 * returns how many were checked */
static guint
assert_inside_full (NhsWindow *window,
                    GtkWidget *root,
                    gboolean   scrolled)
{
  guint checked = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (child) || !gtk_widget_get_child_visible (child))
        continue;
      /* rows and text scroll; their scrolled window is checked */
      if (GTK_IS_LIST_VIEW (child) || GTK_IS_TEXT_VIEW (child) || GTK_IS_COLUMN_VIEW (child))
        continue;
      if ((GTK_IS_BUTTON (child) || GTK_IS_LABEL (child) || GTK_IS_EDITABLE (child) ||
           GTK_IS_DROP_DOWN (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_SCROLLED_WINDOW (child) ||
           NHS_IS_CHART_VIEW (child)) &&
          gtk_widget_compute_bounds (child, GTK_WIDGET (window), &bounds))
        {
          if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5 ||
              (!scrolled && (bounds.origin.y < -0.5 || bounds.origin.y + bounds.size.height > height + 0.5)))
            g_error ("%s “%s” is cut off: %g,%g %g×%g in a %d×%d window", G_OBJECT_TYPE_NAME (child),
                     GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : "",
                     bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height, width, height);
          checked++;
        }
      checked += assert_inside_full (window, child, scrolled || GTK_IS_SCROLLED_WINDOW (child));
    }
  return checked;
}

static guint
assert_inside (NhsWindow *window,
               GtkWidget *root)
{
  return assert_inside_full (window, root, FALSE);
}

static void
test_narrow (void)
{
  NhsWindow *window;
  const char *views[] = { "chart", "events", "article" };
  GtkWidget *panes[3];

  reset_settings ();
  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  nhs_window_load_bundled (window);
  wait_until (is_narrow, window);
  settle_frames (window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  panes[0] = GTK_WIDGET (nhs_window_get_chart_view (window));
  panes[1] = GTK_WIDGET (nhs_window_get_event_list (window));
  panes[2] = GTK_WIDGET (nhs_window_get_reader (window));
  /* an event selected, so the reader shows its evidence card too */
  g_assert_true (nhs_window_show_event (window, "rd-2024-01"));
  /* the header gives the dataset's title the room (Open and Export are in
   * the main menu): more than a word of it shows */
  g_test_message ("title: %d px", gtk_widget_get_width (GTK_WIDGET (nhs_window_get_title_label (window))));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (nhs_window_get_title_label (window))), >=, 120);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *button = nhs_window_get_view_button (window, views[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_activate (button));
      settle_frames (window);
      for (guint j = 0; j < G_N_ELEMENTS (panes); j++)
        g_assert_true (gtk_widget_get_mapped (panes[j]) == (i == j));
      g_assert_cmpuint (assert_inside (window, panes[i]), >, 3);
      /* the window did not grow to fit */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
    }
  /* the selection stayed through the views */
  g_assert_cmpstr (nhs_event_get_id (nhs_event_list_get_selected_event (nhs_window_get_event_list (window))), ==,
                   "rd-2024-01");
  g_assert_cmpstr (nhs_event_get_id (nhs_article_reader_get_event (nhs_window_get_reader (window))), ==,
                   "rd-2024-01");
  close_window (window);
}

typedef struct
{
  int width, height, chart_position, list_position;
  double next_y;
} Layout;

static void
read_layout (NhsWindow *window,
             Layout    *layout)
{
  graphene_point_t point;
  GtkWidget *next = nhs_article_reader_get_evidence_button (nhs_window_get_reader (window), TRUE);

  layout->width = gtk_widget_get_width (GTK_WIDGET (window));
  layout->height = gtk_widget_get_height (GTK_WIDGET (window));
  layout->chart_position = gtk_paned_get_position (nhs_window_get_paned (window, TRUE));
  layout->list_position = gtk_paned_get_position (nhs_window_get_paned (window, FALSE));
  layout->next_y = gtk_widget_compute_point (next, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &point)
                   ? point.y : -1;
}

static void
assert_same_layout (const Layout *a,
                    const Layout *b)
{
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  g_assert_cmpint (a->chart_position, ==, b->chart_position);
  g_assert_cmpint (a->list_position, ==, b->list_position);
}

static void
test_size_stays (void)
{
  const int sizes[][2] = { { 1024, 700 }, { 800, 560 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      NhsWindow *window;
      NhsArticleReader *reader;
      Layout before, after, step;

      reset_settings ();
      window = new_window ();
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
      nhs_window_load_bundled (window);
      settle_frames (window);
      reader = nhs_window_get_reader (window);
      read_layout (window, &before);
      /* the default size less the frame GTK draws around it */
      g_assert_cmpint (before.width, <=, sizes[s][0]);
      g_assert_cmpint (before.width, >, sizes[s][0] - 40);
      g_assert_cmpint (before.height, <=, sizes[s][1]);
      g_assert_cmpint (before.height, >, sizes[s][1] - 40);

      /* the evidence card opens, for an event with three pieces */
      g_assert_true (nhs_window_show_event (window, "rd-2024-01"));
      settle_frames (window);
      read_layout (window, &after);
      assert_same_layout (&before, &after);

      /* stepping the evidence (an article's quote, then a source's card)
       * leaves the arrows where they are */
      g_assert_true (nhs_article_reader_show_evidence (reader, 1));
      settle_frames (window);
      read_layout (window, &step);
      assert_same_layout (&before, &step);
      g_assert_cmpfloat (step.next_y, ==, after.next_y);
      g_assert_true (nhs_article_reader_show_evidence (reader, 2));
      settle_frames (window);
      read_layout (window, &step);
      assert_same_layout (&before, &step);
      g_assert_cmpfloat (step.next_y, ==, after.next_y);

      /* the find bar opens and closes */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find", NULL));
      settle_frames (window);
      read_layout (window, &step);
      assert_same_layout (&before, &step);
      gtk_editable_set_text (nhs_article_reader_get_find_entry (reader), "strike");
      settle_frames (window);
      read_layout (window, &step);
      assert_same_layout (&before, &step);
      g_signal_emit_by_name (nhs_article_reader_get_find_entry (reader), "stop-search");
      settle_frames (window);
      read_layout (window, &step);
      assert_same_layout (&before, &step);
      close_window (window);
    }
}

/* The panes open exactly where they were left */
static void
test_panes_restart (void)
{
  NhsWindow *window;
  Layout layout, first;

  reset_settings ();
  window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  nhs_window_load_bundled (window);
  settle_frames (window);
  gtk_paned_set_position (nhs_window_get_paned (window, TRUE), 333);
  gtk_paned_set_position (nhs_window_get_paned (window, FALSE), 620);
  settle_frames (window);
  g_assert_true (nhs_window_show_event (window, "rd-2024-01"));
  settle_frames (window);
  read_layout (window, &layout);
  g_assert_cmpint (layout.chart_position, ==, 333);
  g_assert_cmpint (layout.list_position, ==, 620);
  first = layout;
  close_window (window);

  for (int restart = 0; restart < 2; restart++)
    {
      window = new_window ();
      nhs_window_load_bundled (window);
      settle_frames (window);
      g_assert_true (nhs_window_show_event (window, "rd-2024-01"));
      settle_frames (window);
      read_layout (window, &layout);
      g_assert_cmpint (layout.width, ==, first.width);
      g_assert_cmpint (layout.height, ==, first.height);
      g_assert_cmpint (layout.chart_position, ==, 333);
      g_assert_cmpint (layout.list_position, ==, 620);
      close_window (window);
    }
  reset_settings ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!test_ui_init ("/layout/no-display", TRUE))
    return g_test_run ();
  g_test_add_func ("/layout/narrow", test_narrow);
  g_test_add_func ("/layout/size-stays", test_size_stays);
  g_test_add_func ("/layout/panes-restart", test_panes_restart);
  return g_test_run ();
}
