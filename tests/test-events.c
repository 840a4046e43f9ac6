/* test-events.c: the event list in the window: its sort kept from one
 * start to the next, and the events' context menu
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "nhs-text-cell.h"
#include "test-window-util.h"

/* The titles of the first n rows, top to bottom, joined by "|": read from
 * the row widgets, as they show */
static char *
first_titles (NhsWindow *window,
              guint      n)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GtkWidget *list_view = NULL;
  GString *s = g_string_new (NULL);
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;
  g_assert_nonnull (list_view);
  /* each row: its cells in column order; the title is the fourth */
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row && rows < n; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);

      for (int i = 0; i < 3 && cell; i++)
        cell = gtk_widget_get_next_sibling (cell);
      if (cell == NULL || !NHS_IS_TEXT_CELL (gtk_widget_get_first_child (cell)))
        continue;
      if (s->len)
        g_string_append_c (s, '|');
      g_string_append (s, nhs_text_cell_get_text (NHS_TEXT_CELL (gtk_widget_get_first_child (cell))));
      rows++;
    }
  return g_string_free (s, FALSE);
}

/* The sort the column titles show: the column's title and its arrow */
static char *
shown_sort (NhsWindow *window)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  guint i = 0;

  g_assert_false (GTK_IS_LIST_VIEW (header));
  for (GtkWidget *title = gtk_widget_get_first_child (header); title; title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *arrow = gtk_widget_get_last_child (gtk_widget_get_first_child (title));
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_widget_has_css_class (arrow, "ascending") || gtk_widget_has_css_class (arrow, "descending"))
        return g_strdup_printf ("%s %s", gtk_column_view_column_get_title (column),
                                gtk_widget_has_css_class (arrow, "ascending") ? "up" : "down");
    }
  return g_strdup ("unsorted");
}

/* Presses a key on the title of the column at this position, through the
 * key controller the list gives each title */
static void
press_on_title (NhsWindow *window,
                guint      position,
                guint      keyval)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (view)));
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < position; i++)
    title = gtk_widget_get_next_sibling (title);
  g_assert_true (gtk_widget_grab_focus (title));
  controllers = gtk_widget_observe_controllers (title);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
  settle (window);
}

/* Sorted by Days downwards, the list opens so the next time: the arrow on
 * Days, the longest strikes first */
static void
test_sort_remembered (void)
{
  NhsWindow *window = new_window_on_data ("fixture.json", TRUE);
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  g_autoptr(GtkColumnViewColumn) days = g_list_model_get_item (gtk_column_view_get_columns (view), 4);
  g_autoptr(NhsDataset) dataset = test_load_fixture ("fixture.json");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *before = NULL, *sorted = NULL, *sort = NULL, *last_sort = NULL;
  gboolean descending = FALSE;

  /* a new start: by date */
  before = first_titles (window, 2);
  g_assert_cmpstr (before, ==, "Junior doctors vote for strikes|Pay award 2023/24");
  g_assert_cmpstr (nhs_event_list_get_sort (nhs_window_get_event_list (window), &descending), ==, "date");

  /* Enter on the Days title sorts up, again down */
  g_assert_cmpstr (gtk_column_view_column_get_title (days), ==, "Days");
  press_on_title (window, 4, GDK_KEY_Return);
  sort = shown_sort (window);
  g_assert_cmpstr (sort, ==, "Days up");
  press_on_title (window, 4, GDK_KEY_Return);
  g_clear_pointer (&sort, g_free);
  sort = shown_sort (window);
  g_assert_cmpstr (sort, ==, "Days down");
  sorted = first_titles (window, 3);
  g_assert_cmpstr (sorted, ==, "Six-day walkout by junior doctors|Five-day walkout|Joint walkout");
  g_assert_cmpstr (last_sort = g_settings_get_string (settings, "list-sort-column"), ==, "days");
  g_assert_true (g_settings_get_boolean (settings, "list-sort-descending"));
  close_window (window);

  /* the next window, on the same settings */
  window = new_window ();
  nhs_window_set_dataset (window, dataset);
  settle (window);
  g_clear_pointer (&sort, g_free);
  sort = shown_sort (window);
  g_assert_cmpstr (sort, ==, "Days down");
  g_assert_cmpstr (nhs_event_list_get_sort (nhs_window_get_event_list (window), &descending), ==, "days");
  g_assert_true (descending);
  g_clear_pointer (&sorted, g_free);
  sorted = first_titles (window, 3);
  g_assert_cmpstr (sorted, ==, "Six-day walkout by junior doctors|Five-day walkout|Joint walkout");

  /* back to date order, and that is kept too */
  press_on_title (window, 0, GDK_KEY_Return);
  g_clear_pointer (&sort, g_free);
  sort = shown_sort (window);
  g_assert_cmpstr (sort, ==, "Date up");
  g_free (last_sort);
  g_assert_cmpstr (last_sort = g_settings_get_string (settings, "list-sort-column"), ==, "date");
  g_assert_false (g_settings_get_boolean (settings, "list-sort-descending"));
  close_window (window);
  reset_settings ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!test_ui_init ("/events/no-display", TRUE))
    return g_test_run ();

  g_test_add_func ("/events/sort-remembered", test_sort_remembered);
  return g_test_run ();
}
