/* test-inspector.c: editing in the window (needs a display)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Types into the inspector the way a person does, and reads back what the
 * list, the chart and the saved file show.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "nhs-chart-view-private.h"
#include "nhs-text-cell.h"
#include "test-tmpdir.h"
#include "test-window-util.h"

typedef struct
{
  char *dir;
  char *path;
  GBytes *original;
  NhsWindow *window;
  NhsInspector *inspector;
} Fixture;

/* A canonical copy of the fixture dataset in a folder of its own, shown in
 * a window with the inspector open */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) file = NULL;
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(NhsDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "data.json", NULL);
  file = g_file_new_for_path (f->path);
  doc = nhs_document_load_file (source_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_save_as (doc, file, &error));
  f->original = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  dataset = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  reset_settings ();
  f->window = new_window_in_background ();
  nhs_window_set_dataset (f->window, dataset);
  settle (f->window);
  f->inspector = nhs_window_get_inspector (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-inspector", NULL));
  settle (f->window);
  g_assert_nonnull (nhs_window_get_document (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  g_bytes_unref (f->original);
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  reset_settings ();
}

static const char *
entry_text (Fixture      *f,
            NhsEventField field)
{
  return gtk_editable_get_text (GTK_EDITABLE (nhs_inspector_get_field_widget (f->inspector, field)));
}

/* Types into a field, as keys would, then presses Enter */
static void
type_into (Fixture      *f,
           NhsEventField field,
           const char   *text,
           gboolean      enter)
{
  GtkWidget *entry = nhs_inspector_get_field_widget (f->inspector, field);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (enter)
    g_signal_emit_by_name (entry, "activate");
  settle (f->window);
}

/* The text of a cell (0 the date, 3 the title, 4 the days) in the row
 * whose title cell reads title */
static char *
cell_text (NhsWindow  *window,
           const char *title,
           int         column)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GtkWidget *list_view = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;
  g_assert_nonnull (list_view);
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cells[5] = { gtk_widget_get_first_child (row) };

      for (int i = 1; i < 5 && cells[i - 1]; i++)
        cells[i] = gtk_widget_get_next_sibling (cells[i - 1]);
      if (cells[4] == NULL || !NHS_IS_TEXT_CELL (gtk_widget_get_first_child (cells[3])) ||
          g_strcmp0 (nhs_text_cell_get_text (NHS_TEXT_CELL (gtk_widget_get_first_child (cells[3]))), title) != 0)
        continue;
      if (NHS_IS_TEXT_CELL (gtk_widget_get_first_child (cells[column])))
        return g_strdup (nhs_text_cell_get_text (NHS_TEXT_CELL (gtk_widget_get_first_child (cells[column]))));
      if (GTK_IS_LABEL (gtk_widget_get_first_child (cells[column])))
        return g_strdup (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (cells[column]))));
      return g_strdup ("?");
    }
  return NULL;
}

/* The strike days of a group's lane in the chart the window draws */
static guint
lane_days (NhsWindow  *window,
           const char *group_id)
{
  NhsChartModel *model = nhs_chart_view_get_model (nhs_window_get_chart_view (window));

  g_assert_nonnull (model);
  for (guint i = 0; i < nhs_chart_model_get_n_lanes (model); i++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (model, i);
      if (g_str_equal (nhs_group_get_id (lane->group), group_id))
        return lane->strike_days;
    }
  g_assert_not_reached ();
  return 0;
}

/* The start of the resident doctors' bar for the event, in the chart */
static gint64
bar_start (NhsWindow  *window,
           const char *event_id)
{
  NhsChartModel *model = nhs_chart_view_get_model (nhs_window_get_chart_view (window));

  for (guint i = 0; i < nhs_chart_model_get_n_lanes (model); i++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (model, i);
      for (guint b = 0; b < lane->bars->len; b++)
        {
          const NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, b);
          if (g_str_equal (nhs_event_get_id (bar->event), event_id))
            return bar->start_us;
        }
    }
  g_assert_not_reached ();
  return 0;
}

static char *
summary_of (const char *path)
{
  g_autofree char *arg = g_strdup_printf ("--dataset=%s", path);
  const char *argv[] = { g_getenv ("NHS_DISPUTE_BIN"), "--summary", "--format=json", arg, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_cmpmem (text, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* The test: a start typed into the inspector changes the list's
 * days, the chart's lane and the saved file's summary; undo brings back
 * the original bytes */
static void
test_edit_start (Fixture       *f,
                 gconstpointer  data)
{
  GtkLabel *title = nhs_window_get_title_label (f->window);
  g_autofree char *days_before = NULL, *days_after = NULL, *summary_before = NULL, *summary_after = NULL;
  guint lane_before;
  gint64 bar_before;
  NhsEvent *event = lookup (f->window, "rd-2024-02");

  click_row (f->window, "rd-2024-02");
  g_assert_true (nhs_inspector_get_event (f->inspector) == event);
  g_assert_cmpstr (entry_text (f, NHS_EVENT_FIELD_START), ==, "2024-02-24T07:00");
  g_assert_cmpstr (entry_text (f, NHS_EVENT_FIELD_TITLE), ==, "Five-day walkout");
  g_assert_cmpstr (gtk_label_get_label (nhs_inspector_get_days_label (f->inspector)), ==, "Counts 5 strike days");

  days_before = cell_text (f->window, "Five-day walkout", 4);
  g_assert_cmpstr (days_before, ==, "5");
  lane_before = lane_days (f->window, "resident");
  bar_before = bar_start (f->window, "rd-2024-02");
  summary_before = summary_of (f->path);
  g_assert_false (g_str_has_prefix (gtk_label_get_label (title), "•"));

  /* as it is typed, the days it would count */
  type_into (f, NHS_EVENT_FIELD_START, "22 Feb 2024 07:00", FALSE);
  g_assert_cmpstr (gtk_label_get_label (nhs_inspector_get_days_label (f->inspector)), ==, "Counts 7 strike days");
  g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 5);
  type_into (f, NHS_EVENT_FIELD_START, "22 Feb 2024 07:00", TRUE);

  g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 7);
  g_assert_cmpstr (entry_text (f, NHS_EVENT_FIELD_START), ==, "2024-02-22T07:00");
  days_after = cell_text (f->window, "Five-day walkout", 4);
  g_assert_cmpstr (days_after, ==, "7");
  g_assert_cmpuint (lane_days (f->window, "resident"), ==, lane_before + 2);
  g_assert_cmpint (bar_start (f->window, "rd-2024-02"), ==, bar_before - 2 * G_TIME_SPAN_DAY);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (title), "• "));
  g_assert_true (nhs_window_has_unsaved_changes (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_assert_false (g_str_has_prefix (gtk_label_get_label (title), "•"));
  summary_after = summary_of (f->path);
  g_assert_cmpstr (summary_after, !=, summary_before);
  g_assert_nonnull (strstr (summary_after, "\"strike_days\" : 16"));
  g_assert_nonnull (strstr (summary_before, "\"strike_days\" : 14"));

  /* undo, save: the file as it was, byte for byte */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_cmpstr (entry_text (f, NHS_EVENT_FIELD_START), ==, "2024-02-24T07:00");
  g_clear_pointer (&days_after, g_free);
  days_after = cell_text (f->window, "Five-day walkout", 4);
  g_assert_cmpstr (days_after, ==, "5");
  g_assert_cmpuint (lane_days (f->window, "resident"), ==, lane_before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  assert_file_is (f->path, f->original);
}

/* A value the loader's rules refuse is said beside its field, and nothing
 * changes */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  click_row (f->window, "rd-2024-02");

  type_into (f, NHS_EVENT_FIELD_START, "30 Feb 2024", FALSE);
  g_assert_cmpstr (nhs_inspector_get_message (f->inspector, NHS_EVENT_FIELD_START), ==, "There is no such day as “30 Feb 2024”");
  type_into (f, NHS_EVENT_FIELD_START, "30 Feb 2024", TRUE);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));

  type_into (f, NHS_EVENT_FIELD_END, "20/02/2024 07:00", TRUE);
  g_assert_cmpstr (nhs_inspector_get_message (f->inspector, NHS_EVENT_FIELD_END), ==, "the event ends before it starts");
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_assert_cmpstr (entry_text (f, NHS_EVENT_FIELD_END), ==, "20/02/2024 07:00");

  type_into (f, NHS_EVENT_FIELD_TITLE, "", TRUE);
  g_assert_cmpstr (nhs_inspector_get_message (f->inspector, NHS_EVENT_FIELD_TITLE), ==, "the required key “title” is missing");
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_assert_false (nhs_document_can_undo (nhs_window_get_document (f->window)));
}

/* New, duplicate and delete, each undone by name from the menu's action */
static void
test_new_duplicate_delete (Fixture       *f,
                           gconstpointer  data)
{
  NhsDataset *ds = nhs_window_get_dataset (f->window);
  NhsDocument *doc = nhs_window_get_document (f->window);
  guint n = nhs_dataset_get_n_events (ds);
  g_autofree char *ids = NULL;

  click_row (f->window, "talks-2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-event", NULL));
  settle (f->window);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n + 1);
  g_assert_cmpstr (nhs_event_get_id (nhs_inspector_get_event (f->inspector)), ==, "talks-2024-copy");
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Duplicate Event");
  ids = visible_ids (f->window);
  g_assert_nonnull (strstr (ids, "talks-2024 talks-2024-copy"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-event", NULL));
  settle (f->window);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n);
  g_assert_null (nhs_dataset_lookup_event (ds, "talks-2024-copy"));
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Delete Event");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-event", NULL));
  settle (f->window);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n + 1);
  g_assert_cmpstr (nhs_event_get_id (nhs_inspector_get_event (f->inspector)), ==, "new-event");

  while (nhs_document_can_undo (doc))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
}

/* Closing with unsaved changes asks first; Cancel keeps the window and the
 * changes */
static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *dialog = NULL;

  click_row (f->window, "rd-2024-02");
  type_into (f, NHS_EVENT_FIELD_TITLE, "Walkout", TRUE);
  g_assert_true (nhs_window_has_unsaved_changes (f->window));

  gtk_window_close (GTK_WINDOW (f->window));
  settle (f->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (f->window))
      dialog = l->data;
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  settle (f->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (nhs_window_has_unsaved_changes (f->window));
  assert_file_is (f->path, f->original);

  /* Save closes it, with the file saved */
  gtk_window_close (GTK_WINDOW (f->window));
  settle (f->window);
  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (f->window))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_object_ref (f->window);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  for (int i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  {
    g_autofree char *saved = NULL;
    g_assert_true (g_file_get_contents (f->path, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "\"title\": \"Walkout\""));
  }
  g_clear_object (&f->window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!test_ui_init ("/inspector/no-display", TRUE))
    return g_test_run ();

  g_test_add ("/inspector/edit-start", Fixture, NULL, fixture_set_up, test_edit_start, fixture_tear_down);
  g_test_add ("/inspector/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/inspector/new-duplicate-delete", Fixture, NULL, fixture_set_up, test_new_duplicate_delete,
              fixture_tear_down);
  g_test_add ("/inspector/close-asks", Fixture, NULL, fixture_set_up, test_close_asks, fixture_tear_down);
  return g_test_run ();
}
