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
#include <signal.h>
#include <utime.h>
#include <gtk/gtk.h>
#include <string.h>

#include "nhs-article-reader-private.h"
#include "nhs-chart-view-private.h"
#include "nhs-text-cell.h"
#include "test-tmpdir.h"
#include "test-inspector-fixture.h"

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

/* Words selected in the reader become the selected event's evidence,
 * exactly as selected: the saved file holds them, and the loader takes it */
static void
test_cite_selection (Fixture       *f,
                     gconstpointer  data)
{
  NhsArticleReader *reader = nhs_window_get_reader (f->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader));
  int body = nhs_article_reader_get_body_offset (reader);
  const char *quote = "February 28.\n\nJunior doctors in England staged";
  g_autofree char *text = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  const char *body_text, *at;
  NhsEvent *event;
  GPtrArray *evidence;
  guint n;

  click_row (f->window, "talks-2024");
  event = lookup (f->window, "talks-2024");
  n = nhs_event_get_evidence (event)->len;

  /* nothing selected: nothing cited */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cite-selection", NULL));
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_assert_cmpstr (gtk_label_get_label (nhs_window_get_notice_label (f->window)), ==,
                   "Select words in an article to cite them");

  nhs_article_reader_show_article (reader, nhs_dataset_lookup_article (nhs_window_get_dataset (f->window), "art-feb"));
  body = nhs_article_reader_get_body_offset (reader);
  body_text = nhs_article_get_body (nhs_article_reader_get_article (reader));
  at = strstr (body_text, quote);
  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, body + g_utf8_pointer_to_offset (body_text, at));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, body + g_utf8_pointer_to_offset (body_text, at) + g_utf8_strlen (quote, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cite-selection", NULL));
  settle (f->window);
  evidence = nhs_event_get_evidence (event);
  g_assert_cmpuint (evidence->len, ==, n + 1);
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (evidence, n)), ==, quote);
  g_assert_cmpstr (nhs_document_get_undo_name (nhs_window_get_document (f->window)), ==, "Cite Selection");
  /* the reader shows it as the event's evidence */
  g_assert_true (nhs_article_reader_get_evidence (reader) == g_ptr_array_index (evidence, n));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"quote\": \"February 28.\\n\\nJunior doctors in England staged\""));
  saved = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  evidence = nhs_event_get_evidence (nhs_dataset_lookup_event (saved, "talks-2024"));
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (evidence, n)), ==, quote);
  g_assert_cmpstr (nhs_article_get_id (nhs_evidence_get_article (g_ptr_array_index (evidence, n))), ==, "art-feb");
}

/* An edit gives the event new evidence: the reader files its quotes again
 * and keeps its text and the place read in */
static void
test_reader_keeps_place (Fixture       *f,
                         gconstpointer  data)
{
  NhsArticleReader *reader = nhs_window_get_reader (f->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader));
  NhsEvent *event;
  NhsEvidence *shown;
  GtkTextIter iter;
  int quote_start, offset;

  click_row (f->window, "rd-2024-02");
  event = lookup (f->window, "rd-2024-02");
  shown = nhs_article_reader_get_evidence (reader);
  g_assert_true (shown == g_ptr_array_index (nhs_event_get_evidence (event), 0));
  g_assert_cmpstr (nhs_article_get_id (nhs_article_reader_get_article (reader)), ==, "art-feb");
  quote_start = nhs_article_reader_get_body_offset (reader) + nhs_evidence_get_quote_start (shown);

  /* the person reads on, at the end of the article */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  offset = gtk_text_iter_get_offset (&iter);

  type_into (f, NHS_EVENT_FIELD_TITLE, "Five-day walkout, renamed", TRUE);
  g_assert_cmpstr (nhs_event_get_title (event), ==, "Five-day walkout, renamed");
  g_assert_cmpstr (nhs_article_get_id (nhs_article_reader_get_article (reader)), ==, "art-feb");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, offset);

  /* the quote is the event's evidence as it is now */
  g_assert_true (nhs_article_reader_get_evidence (reader) == g_ptr_array_index (nhs_event_get_evidence (event), 0));
  g_assert_true (nhs_article_reader_activate_at_offset (reader, quote_start + 1));
  g_assert_true (nhs_article_reader_get_event (reader) == event);

  /* undone, the same */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_cmpstr (nhs_event_get_title (event), ==, "Five-day walkout");
  g_assert_true (nhs_article_reader_get_evidence (reader) == g_ptr_array_index (nhs_event_get_evidence (event), 0));
  g_assert_true (nhs_article_reader_activate_at_offset (reader, quote_start + 1));
  g_assert_true (nhs_article_reader_get_event (reader) == event);
}

static gboolean
document_made (gpointer data)
{
  return nhs_window_get_document (data) != NULL;
}

/* A large dataset is made editable in a thread when the inspector opens:
 * the inspector says so meanwhile, and the window goes on drawing */
static void
test_prepared_in_thread (void)
{
  TestCopy copy = { 0 };
  g_autoptr(NhsDataset) dataset = test_copy_make (&copy, "fixture.json");
  NhsWindow *window;
  NhsInspector *inspector;
  NhsEvent *event;

  reset_settings ();
  window = new_window_in_background ();
  /* the fixture counts as large */
  window->prepare_threshold = 1;
  nhs_window_set_dataset (window, dataset);
  settle (window);
  inspector = nhs_window_get_inspector (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL));
  g_assert_null (nhs_window_get_document (window));
  g_assert_cmpstr (nhs_inspector_get_notice (inspector), ==, "Preparing the dataset for editing…");
  /* the thread reads the dataset: an edit asked for meanwhile is refused,
   * and says why */
  {
    guint n = nhs_dataset_get_n_events (dataset);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event", NULL));
    g_assert_cmpuint (nhs_dataset_get_n_events (dataset), ==, n);
    g_assert_cmpstr (gtk_label_get_label (nhs_window_get_notice_label (window)), ==,
                     "The dataset is still being prepared for editing");
  }
  wait_until (document_made, window);
  g_assert_null (nhs_inspector_get_notice (inspector));

  /* and it edits */
  click_row (window, "rd-2024-02");
  event = lookup (window, "rd-2024-02");
  gtk_editable_set_text (GTK_EDITABLE (nhs_inspector_get_field_widget (inspector, NHS_EVENT_FIELD_TITLE)),
                         "Five-day walkout, edited");
  g_signal_emit_by_name (nhs_inspector_get_field_widget (inspector, NHS_EVENT_FIELD_TITLE), "activate");
  settle (window);
  g_assert_cmpstr (nhs_event_get_title (event), ==, "Five-day walkout, edited");
  g_assert_true (nhs_window_has_unsaved_changes (window));

  /* another dataset shown while one is being made editable: the document
   * made is the one shown's */
  {
    g_autoptr(GFile) file = g_file_new_for_path (copy.path);
    g_autoptr(NhsDataset) other = nhs_dataset_load_file (file, NULL, NULL);

    g_assert_nonnull (other);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    settle (window);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL));
    nhs_window_set_dataset (window, other);
    g_assert_null (nhs_window_get_document (window));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL));
    g_assert_cmpstr (nhs_inspector_get_notice (inspector), ==, "Preparing the dataset for editing…");
    nhs_window_set_dataset (window, dataset);
    wait_until (document_made, window);
    g_assert_true (nhs_document_get_dataset (nhs_window_get_document (window)) == dataset);
    test_drain_main_context (100);
    g_assert_true (nhs_document_get_dataset (nhs_window_get_document (window)) == dataset);
  }

  close_window (window);
  test_copy_clear (&copy);
  reset_settings ();
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
recovery_has_start (gpointer path)
{
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, "\"start\": \"2024-02-23T07:00\"") != NULL;
}

static GtkWidget *
find_dialog (NhsWindow *window)
{
  GtkWidget *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      dialog = l->data;
  return dialog;
}

/* Ctrl+S while a field is being typed in saves what is typed */
static void
test_typed_then_saved (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *entry = nhs_inspector_get_field_widget (f->inspector, NHS_EVENT_FIELD_TITLE);
  g_autofree char *saved = NULL;

  click_row (f->window, "rd-2024-02");
  g_assert_true (gtk_widget_grab_focus (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Typed, not entered");
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_assert_true (g_file_get_contents (f->path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"title\": \"Typed, not entered\""));
}

/* The file changed on disk: saving asks before writing over it; a save
 * that fails says so, and the changes stay unsaved */
static void
test_save_asks_and_fails (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *primary = NULL, *secondary = NULL;
  GtkWidget *dialog;

  click_row (f->window, "rd-2024-02");
  type_into (f, NHS_EVENT_FIELD_TITLE, "Walkout", TRUE);
  g_assert_true (nhs_window_has_unsaved_changes (f->window));

  /* someone replaced the file with a folder of that name */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_cmpint (g_mkdir (f->path, 0755), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  dialog = find_dialog (f->window);
  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &primary, NULL);
  g_assert_cmpstr (primary, ==, "data.json changed on disk since it was opened");
  g_clear_pointer (&primary, g_free);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  settle (f->window);

  /* writing over a folder fails: the window says why */
  g_assert_true (find_message_dialog_over (GTK_WINDOW (f->window), &primary, &secondary));
  g_assert_cmpstr (primary, ==, "Could not save the dataset");
  g_assert_nonnull (secondary);
  g_assert_true (nhs_window_has_unsaved_changes (f->window));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (nhs_window_get_title_label (f->window)), "• "));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
  g_rmdir (f->path);
}

static gboolean
dialog_shown (gpointer window)
{
  return find_dialog (window) != NULL;
}

/* Another program changes the file while nothing is edited here: the
 * window offers to reload it, and does */
static void
test_reload_offered (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (f->original, NULL), g_bytes_get_size (f->original));
  g_autofree char *changed = NULL, *primary = NULL;
  g_auto(GStrv) parts = g_strsplit (text, "\"title\": \"Five-day walkout\"", 2);
  struct utimbuf times = { time (NULL) + 5, time (NULL) + 5 };
  GtkWidget *dialog;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoin ("\"title\": \"Five-day walkout, as changed elsewhere\"", parts[0], parts[1], NULL);
  g_assert_true (g_file_set_contents (f->path, changed, -1, NULL));
  g_assert_cmpint (g_utime (f->path, &times), ==, 0);

  wait_until (dialog_shown, f->window);
  dialog = find_dialog (f->window);
  g_object_get (dialog, "text", &primary, NULL);
  g_assert_cmpstr (primary, ==, "data.json changed on disk");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  wait_until (load_finished, f->window);
  settle (f->window);
  g_assert_cmpstr (nhs_event_get_title (lookup (f->window, "rd-2024-02")), ==, "Five-day walkout, as changed elsewhere");
}

/* Killed (SIGKILL) after an edit, the app offers the edit back at the next
 * start, and it saves into the file it was made to */
static void
test_recovery (void)
{
  g_autofree char *info = g_build_filename (g_get_user_cache_dir (), "nhs-dispute", "recovery", "recovery.ini", NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL, *path = NULL, *dir = NULL, *saved = NULL;
  NhsWindow *window;
  GtkWidget *dialog;
  NhsEvent *event;

  if (g_test_subprocess ())
    {
      Fixture f = { 0 };

      fixture_set_up (&f, NULL);
      click_row (f.window, "rd-2024-02");
      type_into (&f, NHS_EVENT_FIELD_TITLE, "Walkout kept through a crash", TRUE);
      type_into (&f, NHS_EVENT_FIELD_START, "23/02/2024 07:00", TRUE);
      g_assert_true (nhs_window_has_unsaved_changes (f.window));
      /* kept a moment after the last change */
      g_object_set_data_full (G_OBJECT (f.window), "recovery-text",
                              g_build_filename (g_get_user_cache_dir (), "nhs-dispute", "recovery", "recovery.json", NULL),
                              g_free);
      wait_until (recovery_has_start, g_object_get_data (G_OBJECT (f.window), "recovery-text"));
      wait_until (file_exists, info);
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  /* what another test's window left (destroyed with unsaved changes) */
  {
    g_autofree char *text = g_build_filename (g_get_user_cache_dir (), "nhs-dispute", "recovery", "recovery.json", NULL);
    g_remove (info);
    g_remove (text);
  }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_assert_true (g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL));
  uri = g_key_file_get_string (keys, "recovery", "file", NULL);
  g_assert_nonnull (uri);
  file = g_file_new_for_uri (uri);
  path = g_file_get_path (file);
  dir = g_path_get_dirname (path);

  /* the next start */
  reset_settings ();
  window = new_window_in_background ();
  nhs_window_load_initial (window);
  settle (window);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  settle (window);

  event = lookup (window, "rd-2024-02");
  g_assert_cmpstr (nhs_event_get_title (event), ==, "Walkout kept through a crash");
  g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 6);
  g_assert_true (nhs_window_has_unsaved_changes (window));
  g_assert_true (g_file_equal (nhs_document_get_file (nhs_window_get_document (window)), file));
  g_assert_cmpstr (nhs_document_get_undo_name (nhs_window_get_document (window)), ==, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  settle (window);
  g_assert_false (nhs_window_has_unsaved_changes (window));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"title\": \"Walkout kept through a crash\""));
  g_assert_nonnull (strstr (saved, "\"start\": \"2024-02-23T07:00\""));
  /* saved: nothing left to offer */
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));

  close_window (window);
  test_remove_tree (dir);
  reset_settings ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* a cache folder of this run's own: the recovery file is in it, and
   * another test's window must not be offered it */
  if (!g_test_subprocess ())
    {
      cache = test_make_tmpdir ();
      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    }

  if (!test_ui_init ("/inspector/no-display", FALSE))
    return g_test_run ();

  g_test_add ("/inspector/edit-start", Fixture, NULL, fixture_set_up, test_edit_start, fixture_tear_down);
  g_test_add ("/inspector/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/inspector/new-duplicate-delete", Fixture, NULL, fixture_set_up, test_new_duplicate_delete,
              fixture_tear_down);
  g_test_add ("/inspector/cite-selection", Fixture, NULL, fixture_set_up, test_cite_selection, fixture_tear_down);
  g_test_add ("/inspector/reader-keeps-place", Fixture, NULL, fixture_set_up, test_reader_keeps_place,
              fixture_tear_down);
  g_test_add ("/inspector/close-asks", Fixture, NULL, fixture_set_up, test_close_asks, fixture_tear_down);
  g_test_add ("/inspector/reload-offered", Fixture, NULL, fixture_set_up, test_reload_offered, fixture_tear_down);
  g_test_add ("/inspector/typed-then-saved", Fixture, NULL, fixture_set_up, test_typed_then_saved, fixture_tear_down);
  g_test_add ("/inspector/save-asks-and-fails", Fixture, NULL, fixture_set_up, test_save_asks_and_fails,
              fixture_tear_down);
  g_test_add_func ("/inspector/recovery", test_recovery);
  g_test_add_func ("/inspector/prepared-in-thread", test_prepared_in_thread);
  status = g_test_run ();
  if (cache != NULL)
    test_remove_tree (cache);
  return status;
}
