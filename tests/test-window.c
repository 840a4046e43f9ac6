/* test-window.c: the real window on the fixture dataset (needs a display)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the widgets a person uses (the search entry, the group toggles,
 * the kind drop-down, the rows, the quotes) and reads back what the window
 * shows: the ids of the visible rows, the text tags in the reader, the
 * error dialog's text.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "nhs-article-reader-private.h"
#include "nhs-chart-view-private.h"
#include "nhs-event-list-private.h"
#include "nhs-event-slots.h"
#include "nhs-event-writer.h"
#include "nhs-text-cell.h"
#include "nhs-window-private.h"
#include "test-util.h"
#include "test-window-util.h"

static NhsWindow *
new_window_on_fixture (void)
{
  return new_window_on_data ("fixture.json", TRUE);
}

static void
assert_visible (NhsWindow  *window,
                const char *expected)
{
  g_autofree char *ids = NULL;

  settle (window);
  ids = visible_ids (window);
  g_assert_cmpstr (ids, ==, expected);
}

/* The ids the core filter lets through, in dataset order: the list must
 * agree with the command line */
static char *
core_ids (NhsWindow *window)
{
  return test_matching_ids (nhs_window_get_dataset (window), nhs_window_get_filter (window));
}

static void
test_search (void)
{
  NhsWindow *window = new_window_on_fixture ();
  GtkLabel *status = nhs_event_list_get_status_label (nhs_window_get_event_list (window));
  g_autofree char *core = NULL;

  assert_visible (window, "ballot-rd award-2023 cons-a cons-b joint-2023-10 offer-cons "
                          "rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst");
  g_assert_cmpstr (gtk_label_get_label (status), ==, "11 events");

  type_search (window, "walkout");
  assert_visible (window, "joint-2023-10 rd-2024-01 rd-2024-02");
  g_assert_cmpstr (gtk_label_get_label (status), ==, "3 of 11 events");
  core = core_ids (window);
  g_assert_cmpstr (core, ==, "joint-2023-10 rd-2024-01 rd-2024-02");

  /* more words narrow it; case does not matter */
  type_search (window, "WALKOUT six");
  assert_visible (window, "rd-2024-01");

  /* quotes are searched too ("from 7am on February 24") */
  type_search (window, "7am");
  assert_visible (window, "rd-2024-02");

  /* the summary holds text that looks like markup; it is only text */
  type_search (window, "<b>not</b>");
  assert_visible (window, "talks-2024");

  type_search (window, "no such thing anywhere");
  assert_visible (window, "");
  g_assert_cmpstr (gtk_label_get_label (status), ==, "0 of 11 events");

  type_search (window, "");
  assert_visible (window, "ballot-rd award-2023 cons-a cons-b joint-2023-10 offer-cons "
                          "rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst");
  close_window (window);
}

static void
test_groups_and_kinds (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsEventList *list = nhs_window_get_event_list (window);
  GtkToggleButton *residents = nhs_event_list_get_group_toggle (list, "resident");
  GtkToggleButton *consultants = nhs_event_list_get_group_toggle (list, "consultant");
  GtkDropDown *kinds = nhs_event_list_get_kind_dropdown (list);
  GListModel *kind_names = gtk_drop_down_get_model (kinds);
  g_autofree char *core = NULL;

  g_assert_nonnull (residents);
  g_assert_nonnull (consultants);
  g_assert_null (nhs_event_list_get_group_toggle (list, "no-such-group"));
  /* the menu is the table of kinds' menu entries */
  g_assert_cmpuint (g_list_model_get_n_items (kind_names), ==, nhs_kind_choice_get_n_choices ());
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (kind_names), 0), ==, "All kinds");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (kind_names), nhs_kind_choice_from_nick ("ballots")), ==,
                   "Ballots and votes");
  for (guint i = 0; i < nhs_kind_choice_get_n_choices (); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (kind_names), i), ==, nhs_kind_choice_get_label (i));

  /* residents off: a joint walkout and the pay award for all stay */
  gtk_toggle_button_set_active (residents, FALSE);
  assert_visible (window, "award-2023 cons-a cons-b joint-2023-10 offer-cons sas-off sas-dst");
  core = core_ids (window);
  g_assert_cmpstr (core, ==, "award-2023 cons-a cons-b joint-2023-10 offer-cons sas-off sas-dst");

  gtk_drop_down_set_selected (kinds, nhs_kind_choice_from_nick ("strikes"));
  assert_visible (window, "cons-a cons-b joint-2023-10 sas-off sas-dst");

  gtk_toggle_button_set_active (consultants, FALSE);
  assert_visible (window, "sas-off sas-dst");

  gtk_toggle_button_set_active (residents, TRUE);
  gtk_toggle_button_set_active (consultants, TRUE);
  assert_visible (window, "cons-a cons-b joint-2023-10 rd-2024-01 rd-2024-02 sas-off sas-dst");

  gtk_drop_down_set_selected (kinds, nhs_kind_choice_from_nick ("ballots"));
  assert_visible (window, "ballot-rd");
  gtk_drop_down_set_selected (kinds, nhs_kind_choice_from_nick ("offers"));
  assert_visible (window, "offer-cons");
  gtk_drop_down_set_selected (kinds, nhs_kind_choice_from_nick ("awards"));
  assert_visible (window, "award-2023");
  gtk_drop_down_set_selected (kinds, nhs_kind_choice_from_nick ("talks"));
  assert_visible (window, "talks-2024");
  gtk_drop_down_set_selected (kinds, nhs_kind_choice_from_nick ("statements"));
  assert_visible (window, "");

  /* Clear Filters (from the empty state) brings everything back, and the
   * controls follow the filter */
  gtk_toggle_button_set_active (residents, FALSE);
  nhs_event_filter_reset (nhs_window_get_filter (window));
  assert_visible (window, "ballot-rd award-2023 cons-a cons-b joint-2023-10 offer-cons "
                          "rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst");
  g_assert_cmpuint (gtk_drop_down_get_selected (kinds), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (residents));
  close_window (window);
}

static void
test_date_range (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsDataset *dataset = nhs_window_get_dataset (window);
  GTimeZone *tz = nhs_dataset_get_timezone (dataset);
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2024, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2024, 2, 24, 0, 0, 0);

  nhs_event_filter_set_range (nhs_window_get_filter (window), from, to);
  /* overlapping the range: the January strike, the talks and the strike
   * that starts on the last day */
  assert_visible (window, "rd-2024-01 talks-2024 rd-2024-02");
  nhs_event_filter_set_range (nhs_window_get_filter (window), NULL, NULL);
  assert_visible (window, "ballot-rd award-2023 cons-a cons-b joint-2023-10 offer-cons "
                          "rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst");
  close_window (window);
}

static void
test_sorting (void)
{
  NhsWindow *window = new_window_on_fixture ();
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) days = NULL;
  g_autoptr(GtkColumnViewColumn) title = NULL;
  g_autofree char *ids = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 6);
  title = g_list_model_get_item (columns, 3);
  days = g_list_model_get_item (columns, 4);
  g_assert_cmpstr (gtk_column_view_column_get_title (title), ==, "Title");
  g_assert_cmpstr (gtk_column_view_column_get_title (days), ==, "Days");

  type_search (window, "strike");
  gtk_column_view_sort_by_column (view, days, GTK_SORT_DESCENDING);
  settle (window);
  ids = visible_ids (window);
  /* 6 days, 5, 3, then the two-day strikes in date order, then the one-day */
  g_assert_true (g_str_has_prefix (ids, "rd-2024-01 rd-2024-02 joint-2023-10 "));

  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  assert_visible (window, "sas-off cons-a cons-b rd-2024-02 joint-2023-10 ballot-rd sas-dst rd-2024-01");
  close_window (window);
}

/* The titles the list's rows show, top to bottom, joined by "|": read from
 * the row widgets, which a search fills again without making new ones */
static char *
shown_titles (NhsWindow *window)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
  GString *s = g_string_new (NULL);
  GtkWidget *list_view = NULL;
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

/* The selected row of the column view, as an event id, or "" */
static const char *
view_selected_id (NhsWindow *window)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  NhsEventSlot *slot = gtk_single_selection_get_selected_item (selection);

  return slot && nhs_event_slot_get_event (slot) ? nhs_event_get_id (nhs_event_slot_get_event (slot)) : "";
}

/* A search changes which events the rows stand for: each row shows its new
 * event, and the selection stays on the event, wherever its row moves */
static void
test_rows_follow_search (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsEventList *list = nhs_window_get_event_list (window);
  g_autofree char *all = NULL;
  g_autofree char *walkouts = NULL;
  g_autofree char *again = NULL;

  settle (window);
  all = shown_titles (window);
  g_assert_cmpstr (all, ==, "Junior doctors vote for strikes|Pay award 2023/24|Consultants strike (BMA)|"
                            "Consultants strike (other union), overlapping|Joint walkout|"
                            "Government offer to consultants|Six-day walkout by junior doctors|"
                            "Talks with the Health Secretary|Five-day walkout|"
                            "Called-off SAS strike (Called off)|SAS strike across the clock change");

  click_row (window, "rd-2024-01");
  g_assert_cmpstr (nhs_event_get_id (nhs_event_list_get_selected_event (list)), ==, "rd-2024-01");
  g_assert_cmpstr (view_selected_id (window), ==, "rd-2024-01");

  /* the selected event moves from the seventh row to the second */
  type_search (window, "walkout");
  assert_visible (window, "joint-2023-10 rd-2024-01 rd-2024-02");
  walkouts = shown_titles (window);
  g_assert_cmpstr (walkouts, ==, "Joint walkout|Six-day walkout by junior doctors|Five-day walkout");
  g_assert_cmpstr (nhs_event_get_id (nhs_event_list_get_selected_event (list)), ==, "rd-2024-01");
  g_assert_cmpstr (view_selected_id (window), ==, "rd-2024-01");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                      nhs_event_list_get_column_view (list)))), ==, 1);

  /* a row clicked now is the event that row shows */
  click_row (window, "rd-2024-02");
  g_assert_cmpstr (nhs_event_get_id (nhs_event_list_get_selected_event (list)), ==, "rd-2024-02");

  /* sorted by title, the selected event's row moves from the last to the
   * first, its title with it, and stays selected */
  {
    GtkColumnView *view = nhs_event_list_get_column_view (list);
    g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
    g_autofree char *by_title = NULL;

    gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
    assert_visible (window, "rd-2024-02 joint-2023-10 rd-2024-01");
    by_title = shown_titles (window);
    g_assert_cmpstr (by_title, ==, "Five-day walkout|Joint walkout|Six-day walkout by junior doctors");
    g_assert_cmpstr (nhs_event_get_id (nhs_event_list_get_selected_event (list)), ==, "rd-2024-02");
    g_assert_cmpstr (view_selected_id (window), ==, "rd-2024-02");
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view))), ==, 0);

    /* and back to date order */
    g_clear_object (&title);
    title = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
    gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
    assert_visible (window, "joint-2023-10 rd-2024-01 rd-2024-02");
    g_assert_cmpstr (view_selected_id (window), ==, "rd-2024-02");
  }

  /* a search that leaves the selected event out leaves nothing selected */
  type_search (window, "consultants strike");
  assert_visible (window, "cons-a cons-b joint-2023-10");
  g_assert_null (nhs_event_list_get_selected_event (list));
  g_assert_cmpstr (view_selected_id (window), ==, "");

  /* and every row is back, with its own title */
  type_search (window, "");
  settle (window);
  again = shown_titles (window);
  g_assert_cmpstr (again, ==, all);
  close_window (window);
}

/* Asserts that tag covers exactly [start, end) of the buffer */
static void
assert_tag_range (GtkTextBuffer *buffer,
                  const char    *tag_name,
                  int            start,
                  int            end)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      int offset = gtk_text_iter_get_offset (&iter);
      gboolean inside = offset >= start && offset < end;

      if (gtk_text_iter_has_tag (&iter, tag) != inside)
        g_error ("tag %s %s at offset %d (expected [%d, %d))", tag_name,
                 inside ? "missing" : "present", offset, start, end);
    }
  while (gtk_text_iter_forward_char (&iter));
}

static void
test_select_shows_quote (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader));
  NhsEvent *event = lookup (window, "rd-2024-02");
  NhsEvidence *evidence = g_ptr_array_index (nhs_event_get_evidence (event), 0);
  int offset, start, end;
  g_autofree char *quoted = NULL;
  g_autofree char *shown = NULL;

  click_row (window, "rd-2024-02");
  g_assert_true (nhs_event_list_get_selected_event (nhs_window_get_event_list (window)) == event);
  g_assert_true (nhs_article_reader_get_event (reader) == event);
  g_assert_cmpstr (nhs_article_get_id (nhs_article_reader_get_article (reader)), ==, "art-feb");

  /* the buffer holds title, date, then the body */
  offset = nhs_article_reader_get_body_offset (reader);
  start = offset + nhs_evidence_get_quote_start (evidence);
  end = offset + nhs_evidence_get_quote_end (evidence);
  shown = buffer_slice (buffer, offset, gtk_text_buffer_get_char_count (buffer));
  g_assert_cmpstr (shown, ==, nhs_article_get_body (nhs_article_reader_get_article (reader)));
  quoted = buffer_slice (buffer, start, end);
  g_assert_cmpstr (quoted, ==, "from 7am on February 24 until 11.59pm on February 28");
  assert_tag_range (buffer, "quote-current", start, end);

  /* another event, another quote in the same article */
  click_row (window, "rd-2024-01");
  evidence = g_ptr_array_index (nhs_event_get_evidence (lookup (window, "rd-2024-01")), 0);
  assert_tag_range (buffer, "quote-current",
                    offset + nhs_evidence_get_quote_start (evidence),
                    offset + nhs_evidence_get_quote_end (evidence));

  /* an external source shows its title and stays out of the text */
  click_row (window, "cons-a");
  g_assert_true (nhs_evidence_get_source (nhs_article_reader_get_evidence (reader)) != NULL);
  g_assert_cmpstr (gtk_label_get_label (nhs_article_reader_get_source_title_label (reader)), ==, "BMA strike notice");
  assert_tag_range (buffer, "quote-current", 0, 0);
  close_window (window);
}

static void
test_every_quote_highlighted (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader));
  NhsArticle *article = nhs_dataset_lookup_article (nhs_window_get_dataset (window), "art-feb");
  GPtrArray *quotes = nhs_dataset_get_article_quotes (nhs_window_get_dataset (window), article);
  GtkTextTag *quote = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "quote");
  GtkTextTag *figure = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "figure");
  int offset;
  GtkTextIter iter;
  g_autofree char *figures = NULL;
  GString *marked = g_string_new (NULL);

  g_assert_true (nhs_article_reader_get_article (reader) == article);
  offset = nhs_article_reader_get_body_offset (reader);
  g_assert_cmpuint (quotes->len, ==, 2);
  for (guint i = 0; i < quotes->len; i++)
    {
      NhsEvidence *evidence = g_ptr_array_index (quotes, i);

      for (int o = nhs_evidence_get_quote_start (evidence); o < nhs_evidence_get_quote_end (evidence); o++)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset + o);
          g_assert_true (gtk_text_iter_has_tag (&iter, quote));
        }
    }

  /* figures: the days in the body are marked with their times, the
   * words around them and a month alone not (nhs_extract_marks ()) */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  do
    {
      gboolean in = gtk_text_iter_has_tag (&iter, figure);
      gboolean was = marked->len > 0 && marked->str[marked->len - 1] != '|';

      if (in)
        g_string_append_unichar (marked, gtk_text_iter_get_char (&iter));
      else if (was)
        g_string_append_c (marked, '|');
    }
  while (gtk_text_iter_forward_char (&iter));
  figures = g_string_free (marked, FALSE);
  g_assert_cmpstr (figures, ==, "7am on February 24|11.59pm on February 28|January 3|January 9|");
  close_window (window);
}

static gboolean
has_article_quote (NhsEvent *event)
{
  GPtrArray *evidence = nhs_event_get_evidence (event);

  for (guint i = 0; i < evidence->len; i++)
    if (nhs_evidence_get_article (g_ptr_array_index (evidence, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* Runs the main loop for a while: layout and scrolling happen in frames */
static void
run_frames (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
offset_visible (GtkTextView  *view,
                int           offset,
                GdkRectangle *visible,
                GdkRectangle *location)
{
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, visible);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, offset);
  gtk_text_view_get_iter_location (view, &iter, location);
  return location->y >= visible->y && location->y + location->height <= visible->y + visible->height;
}

/* Scrolling is animated over frames, and frames come late on a busy
 * machine: wait for the quote to come into sight, for up to 5 seconds */
static void
assert_offset_visible (GtkTextView *view,
                       int          offset)
{
  GdkRectangle visible, location;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!offset_visible (view, offset, &visible, &location) && g_get_monotonic_time () < end)
    run_frames (20);
  if (!offset_visible (view, offset, &visible, &location))
    g_error ("offset %d at y %d is out of sight (%d to %d)", offset, location.y,
             visible.y, visible.y + visible.height);
}

/* Steps through the evidence of the bundled events that quote articles:
 * each piece shows its article scrolled to the quote, or its source */
static void
test_evidence_steps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) bundled = nhs_dataset_load_bundled (&error);
  NhsWindow *window;
  NhsArticleReader *reader;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  guint stepped = 0;

  g_assert_no_error (error);
  reset_settings ();
  window = new_window ();
  nhs_window_set_dataset (window, bundled);
  settle (window);
  reader = nhs_window_get_reader (window);
  view = nhs_article_reader_get_text_view (reader);
  buffer = gtk_text_view_get_buffer (view);

  for (guint i = 0; i < nhs_dataset_get_n_events (bundled); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (bundled, i);
      GPtrArray *evidence = nhs_event_get_evidence (event);

      if (evidence->len < 2 || !has_article_quote (event))
        continue;
      click_row (window, nhs_event_get_id (event));
      g_assert_true (nhs_article_reader_get_event (reader) == event);
      /* it opens on the first article quote */
      g_assert_nonnull (nhs_evidence_get_article (nhs_article_reader_get_evidence (reader)));
      g_assert_true (nhs_article_reader_show_evidence (reader, 0));
      for (guint j = 0; j < evidence->len; j++)
        {
          NhsEvidence *piece = g_ptr_array_index (evidence, j);

          g_assert_true (nhs_article_reader_get_evidence (reader) == piece);
          if (nhs_evidence_get_article (piece) != NULL)
            {
              int offset = nhs_article_reader_get_body_offset (reader);

              g_assert_true (nhs_article_reader_get_article (reader) == nhs_evidence_get_article (piece));
              assert_tag_range (buffer, "quote-current",
                                offset + nhs_evidence_get_quote_start (piece),
                                offset + nhs_evidence_get_quote_end (piece));
              assert_offset_visible (view, offset + nhs_evidence_get_quote_start (piece));
            }
          else
            {
              g_assert_cmpstr (gtk_label_get_label (nhs_article_reader_get_source_title_label (reader)), ==,
                               nhs_source_get_title (nhs_evidence_get_source (piece)));
              assert_tag_range (buffer, "quote-current", 0, 0);
            }
          gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-evidence", NULL);
        }
      /* past the last one, nothing moves */
      g_assert_true (nhs_article_reader_get_evidence (reader) == g_ptr_array_index (evidence, evidence->len - 1));
      g_assert_false (nhs_article_reader_show_evidence (reader, evidence->len));
      stepped++;
    }
  g_assert_cmpuint (stepped, >=, 20);
  close_window (window);
}

static void
test_quote_click_selects (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  NhsEvent *event = lookup (window, "rd-2024-01");
  NhsEvidence *evidence = g_ptr_array_index (nhs_event_get_evidence (event), 0);
  int offset = nhs_article_reader_get_body_offset (reader);

  g_assert_null (nhs_event_list_get_selected_event (nhs_window_get_event_list (window)));
  /* the title is no quote */
  g_assert_false (nhs_article_reader_activate_at_offset (reader, 0));
  g_assert_true (nhs_article_reader_activate_at_offset (reader, offset + nhs_evidence_get_quote_start (evidence) + 3));
  settle (window);
  g_assert_true (nhs_event_list_get_selected_event (nhs_window_get_event_list (window)) == event);
  g_assert_true (nhs_article_reader_get_event (reader) == event);
  close_window (window);
}

/* The error dialog over the window: its plain words (the secondary text)
 * and what its Details expander holds, a selectable label, shown only when
 * expanded; then closes it */
static void
read_error_dialog (NhsWindow  *window,
                   char      **secondary,
                   char      **details)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      GtkWidget *area, *expander = NULL, *label;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (!GTK_IS_MESSAGE_DIALOG (toplevel) || gtk_window_get_transient_for (toplevel) != GTK_WINDOW (window))
        continue;
      g_object_get (toplevel, "secondary-text", secondary, NULL);
      area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (toplevel));
      G_GNUC_END_IGNORE_DEPRECATIONS
      for (GtkWidget *child = gtk_widget_get_first_child (area); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_EXPANDER (child))
          expander = child;
      g_assert_nonnull (expander);
      g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "_Details");
      g_assert_true (gtk_expander_get_use_underline (GTK_EXPANDER (expander)));
      g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
      label = gtk_expander_get_child (GTK_EXPANDER (expander));
      g_assert_true (GTK_IS_LABEL (label));
      g_assert_false (gtk_widget_get_mapped (label));
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
      settle (window);
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
      *details = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
      gtk_window_destroy (toplevel);
      return;
    }
  g_error ("no error dialog over the window");
}

/* A mistake inside a dataset: where it is, in words, then the fix */
static void
test_open_error_in_words (void)
{
  NhsWindow *window = new_window_on_fixture ();
  struct {
    const char *file;
    const char *words;
    const char *details;
  } cases[] = {
    { "event-title-missing.json", "In event 3, “title” is missing. Correct it in the file, then open the file again.",
      "event-title-missing.json:80:3: $.events[2].title: the required key “title” is missing" },
    { "timezone-unknown.json", "The dataset’s time zone is not one this computer knows. Correct it in the file, "
      "then open the file again.", "timezone-unknown.json:6:14: $.timezone: “Mars/Olympus_Mons” is not a time zone" },
    { "unknown-article.json", "In event 1, “evidence” refers to something the dataset does not have. Correct it "
      "in the file, then open the file again.", "unknown-article.json:" },
    { "version-unsupported.json", "The dataset was made for another version of NHS Dispute Explorer.",
      "version-unsupported.json:3:13: $.version: this dataset has format version 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", cases[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *secondary = NULL, *details = NULL;

      nhs_window_open_file (window, file);
      wait_until (load_finished, window);
      g_assert_cmpstr (nhs_dataset_get_title (nhs_window_get_dataset (window)), ==, "Test fixture");
      read_error_dialog (window, &secondary, &details);
      g_assert_cmpstr (secondary, ==, cases[i].words);
      g_assert_true (g_str_has_prefix (details, cases[i].details));
    }
  close_window (window);
}

static void
test_open_malformed (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsDataset *before = nhs_window_get_dataset (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "not-json.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) none = nhs_dataset_load_file (file, NULL, &error);
  g_autofree char *secondary = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = NULL;

  g_assert_null (none);
  g_assert_nonnull (error);

  click_row (window, "rd-2024-01");
  nhs_window_open_file (window, file);
  g_assert_true (nhs_window_is_loading (window));
  wait_until (load_finished, window);

  /* the old dataset, its title and its selection stay */
  g_assert_true (nhs_window_get_dataset (window) == before);
  g_assert_cmpstr (gtk_label_get_label (nhs_window_get_title_label (window)), ==, "Test fixture");
  assert_visible (window, "ballot-rd award-2023 cons-a cons-b joint-2023-10 offer-cons "
                          "rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst");
  g_assert_cmpstr (nhs_event_get_id (nhs_article_reader_get_event (nhs_window_get_reader (window))), ==, "rd-2024-01");

  /* plain words first; the loader's own words, whole and selectable,
   * under Details */
  read_error_dialog (window, &secondary, &details);
  g_assert_cmpstr (secondary, ==, "The file is not a dataset: its text is not JSON, or it is cut short.");
  g_assert_cmpstr (details, ==, error->message);
  g_assert_true (g_str_has_prefix (details, "not-json.json:1:"));

  /* a failed open is not remembered */
  last = g_settings_get_string (settings, "last-dataset");
  g_assert_cmpstr (last, ==, "");
  close_window (window);
}

/* The header and the window's title: the dataset's title, bounded (a
 * 100,000-character title is cut to 300 and "…"), then the app's name */
static void
test_long_title (void)
{
  NhsWindow *window = new_window_on_fixture ();
  g_autofree char *dir = g_dir_make_tmp ("nhs-title-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autofree char *long_title = g_strnfill (100000, 'x');
  g_autofree char *text = g_strdup_printf ("{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"é%s\", "
                                           "\"groups\": [{\"id\": \"g\", \"name\": \"G\"}], \"events\": []}", long_title);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Test fixture — NHS Dispute Explorer");

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  nhs_window_open_file (window, file);
  wait_until (load_finished, window);
  settle (window);

  shown = g_strdup (gtk_label_get_label (nhs_window_get_title_label (window)));
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, 301);
  g_assert_true (g_str_has_prefix (shown, "éxxx"));
  g_assert_true (g_str_has_suffix (shown, "x…"));
  expected = g_strconcat (shown, " — NHS Dispute Explorer", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected);

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_open_good_replaces (void)
{
  NhsWindow *window = new_window_on_fixture ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(NhsDataset) expected = nhs_dataset_load_file (file, NULL, NULL);
  g_autofree char *secondary = NULL;

  g_assert_nonnull (expected);
  nhs_window_open_file (window, file);
  wait_until (load_finished, window);
  settle (window);

  g_assert_false (find_message_dialog (window, &secondary));
  g_assert_nonnull (nhs_window_get_dataset (window));
  g_assert_true (g_file_equal (nhs_dataset_get_file (nhs_window_get_dataset (window)), file));
  g_assert_cmpstr (gtk_label_get_label (nhs_window_get_title_label (window)), ==, nhs_dataset_get_title (expected));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      nhs_event_list_get_column_view (nhs_window_get_event_list (window))))),
                    ==, nhs_dataset_get_n_events (expected));
  last = g_settings_get_string (settings, "last-dataset");
  g_assert_cmpstr (last, ==, uri);
  close_window (window);
}

static gboolean
recent_has_two (gpointer window)
{
  return g_menu_model_get_n_items (nhs_window_get_recent_menu (window)) >= 2;
}

/* Open Recent: the bundled dataset first, always, then what was opened */
static void
test_recent_datasets (void)
{
  /* on for this test alone (test_ui_no_recent_files) */
  NhsWindow *window = (g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", TRUE, NULL),
                       new_window_on_fixture ());
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GMenuModel *recent = nhs_window_get_recent_menu (window);
  g_autofree char *action = NULL;
  g_autofree char *target = NULL;
  g_autoptr(NhsDataset) bundled = nhs_dataset_load_bundled (NULL);

  g_assert_cmpuint (g_menu_model_get_n_items (recent), >=, 1);
  g_assert_true (g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.open-bundled");
  g_clear_pointer (&action, g_free);

  nhs_window_open_file (window, file);
  wait_until (load_finished, window);
  wait_until (recent_has_two, window);
  g_assert_true (g_menu_model_get_item_attribute (recent, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.open-recent");
  g_assert_true (g_menu_model_get_item_attribute (recent, 1, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, uri);

  /* and back to the bundled dataset */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-bundled", NULL));
  settle (window);
  g_assert_cmpstr (nhs_dataset_get_title (nhs_window_get_dataset (window)), ==, nhs_dataset_get_title (bundled));
  close_window (window);
}

/* The window's key binding for @keyval, or NULL */
static GtkShortcut *
find_window_shortcut (NhsWindow *window,
                      guint      keyval)
{
  g_autoptr(GPtrArray) shortcuts = test_widget_list_shortcuts (GTK_WIDGET (window));

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (g_ptr_array_index (shortcuts, i));
      if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
        return g_ptr_array_index (shortcuts, i);
    }
  return NULL;
}

/* Cancel while a file loads, with the progress row's button or with
 * Escape: what is shown stays, and nothing complains */
static void
test_open_cancelled (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsDataset *before = nhs_window_get_dataset (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *secondary = NULL;
  GtkShortcut *escape = find_window_shortcut (window, GDK_KEY_Escape);

  g_assert_nonnull (escape);
  /* with nothing opening, Escape is left to others */
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0, GTK_WIDGET (window), NULL));
  for (guint by_key = 0; by_key <= 1; by_key++)
    {
      nhs_window_open_file (window, file);
      g_assert_true (nhs_window_is_loading (window));
      if (by_key)
        g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0, GTK_WIDGET (window), NULL));
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
      g_assert_false (nhs_window_is_loading (window));
      /* the worker finishes on its own; its dataset must not show up */
      run_frames (300);
      g_assert_true (nhs_window_get_dataset (window) == before);
      g_assert_false (find_message_dialog (window, &secondary));
    }
  close_window (window);
}

static void
test_last_dataset (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autofree char *good_uri = g_file_get_uri (good_file);
  g_autofree char *last = NULL;
  NhsWindow *window;
  GtkLabel *notice;

  reset_settings ();

  /* the last dataset opened comes back */
  g_settings_set_string (settings, "last-dataset", good_uri);
  window = new_window ();
  nhs_window_load_initial (window);
  wait_until (load_finished, window);
  g_assert_cmpstr (nhs_dataset_get_title (nhs_window_get_dataset (window)), ==, "Test fixture");
  g_assert_null (nhs_window_get_notice_label (window));
  close_window (window);

  /* gone: the bundled dataset, and a notice that says why */
  g_settings_set_string (settings, "last-dataset", "file:///nonexistent/gone-away.json");
  window = new_window ();
  nhs_window_load_initial (window);
  wait_until (load_finished, window);
  g_assert_true (nhs_dataset_is_bundled (nhs_window_get_dataset (window)));
  notice = nhs_window_get_notice_label (window);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (gtk_label_get_label (notice), "gone-away.json"));
  g_assert_nonnull (strstr (gtk_label_get_label (notice), "bundled dataset"));
  last = g_settings_get_string (settings, "last-dataset");
  g_assert_cmpstr (last, ==, "");
  close_window (window);
}

static void
test_export_csv (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsEventList *list = nhs_window_get_event_list (window);
  GtkColumnView *view = nhs_event_list_get_column_view (list);
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
  g_autofree char *dir = g_dir_make_tmp ("nhs-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected_events = g_ptr_array_new ();
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *written = NULL;
  /* strikes with a group other than consultants, by title */
  const char *order[] = { "sas-off", "rd-2024-02", "joint-2023-10", "sas-dst", "rd-2024-01" };

  gtk_drop_down_set_selected (nhs_event_list_get_kind_dropdown (list), nhs_kind_choice_from_nick ("strikes"));
  gtk_toggle_button_set_active (nhs_event_list_get_group_toggle (list, "consultant"), FALSE);
  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  settle (window);

  g_assert_true (nhs_window_export_csv (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));

  /* the rows shown, in the order shown, in the --list-events CSV format */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_ptr_array_add (expected_events, lookup (window, order[i]));
  nhs_write_events_csv (expected, expected_events);
  g_assert_cmpstr (written, ==, expected->str);
  g_assert_true (g_str_has_prefix (written, "id,kind,groups,start,end,strike_days,title\r\nsas-off,"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  close_window (window);
}

static void
test_filters_remembered (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsEventList *list = nhs_window_get_event_list (window);
  g_autoptr(NhsDataset) dataset = test_load_fixture ("fixture.json");

  type_search (window, "strike");
  gtk_drop_down_set_selected (nhs_event_list_get_kind_dropdown (list), nhs_kind_choice_from_nick ("strikes"));
  gtk_toggle_button_set_active (nhs_event_list_get_group_toggle (list, "sas"), FALSE);
  assert_visible (window, "cons-a cons-b joint-2023-10 rd-2024-01 rd-2024-02");
  close_window (window);

  /* a new window (a new start) shows the same, controls included */
  window = new_window ();
  list = nhs_window_get_event_list (window);
  nhs_window_set_dataset (window, dataset);
  assert_visible (window, "cons-a cons-b joint-2023-10 rd-2024-01 rd-2024-02");
  g_assert_cmpstr (gtk_editable_get_text (nhs_event_list_get_search_entry (list)), ==, "strike");
  g_assert_cmpuint (gtk_drop_down_get_selected (nhs_event_list_get_kind_dropdown (list)), ==, nhs_kind_choice_from_nick ("strikes"));
  g_assert_false (gtk_toggle_button_get_active (nhs_event_list_get_group_toggle (list, "sas")));
  g_assert_true (gtk_toggle_button_get_active (nhs_event_list_get_group_toggle (list, "resident")));
  close_window (window);
  reset_settings ();
}

static void
test_find_in_article (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader));
  GtkLabel *count = nhs_article_reader_get_find_count_label (reader);
  GtkTextIter s, e;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  guint n = 0;
  g_autofree char *expected = NULL;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  folded = g_utf8_casefold (text, -1);
  for (const char *p = folded; (p = strstr (p, "jan")) != NULL; p++)
    n++;
  g_assert_cmpuint (n, >=, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find", NULL));
  gtk_editable_set_text (nhs_article_reader_get_find_entry (reader), "JAN");
  g_signal_emit_by_name (nhs_article_reader_get_find_entry (reader), "search-changed");
  expected = g_strdup_printf ("1 of %u", n);
  g_assert_cmpstr (gtk_label_get_label (count), ==, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find-next", NULL));
  g_free (expected);
  expected = g_strdup_printf ("2 of %u", n);
  g_assert_cmpstr (gtk_label_get_label (count), ==, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find-previous", NULL));
  g_free (expected);
  expected = g_strdup_printf ("%u of %u", n, n);
  g_assert_cmpstr (gtk_label_get_label (count), ==, expected);

  gtk_editable_set_text (nhs_article_reader_get_find_entry (reader), "zebra");
  g_signal_emit_by_name (nhs_article_reader_get_find_entry (reader), "search-changed");
  g_assert_cmpstr (gtk_label_get_label (count), ==, "No matches");
  close_window (window);
}

static void
test_font_scale (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkTextTag *base = gtk_text_tag_table_lookup (
    gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader))), "base");
  double scale;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-font-scale"), 1.2, 1e-9);
  g_object_get (base, "scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 1.2, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-font-scale"), 1.1, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-font-scale"), 1.0, 1e-9);

  /* the setting (as Preferences would set it) reaches the text */
  g_settings_set_double (settings, "reader-font-scale", 2.0);
  g_object_get (base, "scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 2.0, 1e-9);
  close_window (window);
  reset_settings ();
}

/* Only web pages open in the browser: a dataset cannot make the window
 * run a file or another handler (nhs_link_is_web_page () decides; see
 * test-link.c for every case) */
static void
test_source_links (void)
{
  static const char json[] =
    "{ \"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"Links\","
    "  \"groups\": [ { \"id\": \"g\", \"name\": \"G\" } ],"
    "  \"sources\": ["
    "    { \"id\": \"web\", \"title\": \"A web page\", \"url\": \"https://example.org/a\" },"
    "    { \"id\": \"file\", \"title\": \"A local file\", \"url\": \"file:///etc/passwd\" },"
    "    { \"id\": \"none\", \"title\": \"No address <b>bold</b>\" },"
    "    { \"id\": \"script\", \"title\": \"A script\", \"url\": \"javascript:alert(1)\" },"
    "    { \"id\": \"ftp\", \"title\": \"An FTP file\", \"url\": \"ftp://example.org/pay.csv\" },"
    "    { \"id\": \"odd\", \"title\": \"A line break\", \"url\": \"https://example.org/a\\n--new-window\" },"
    "    { \"id\": \"user\", \"title\": \"A host in disguise\", \"url\": \"https://gov.uk@example.com/\" },"
    "    { \"id\": \"upper\", \"title\": \"Upper case\", \"url\": \"HTTP://example.org/b?x=1&y=<b>\" } ],"
    "  \"events\": ["
    "    { \"id\": \"e1\", \"kind\": \"talks\", \"groups\": [\"g\"], \"start\": \"2024-01-01\","
    "      \"title\": \"Talks\", \"evidence\": [ { \"source\": \"web\" }, { \"source\": \"file\" },"
    "                                   { \"source\": \"none\", \"note\": \"a & b\" },"
    "                                   { \"source\": \"script\" }, { \"source\": \"ftp\" },"
    "                                   { \"source\": \"odd\" }, { \"source\": \"user\" },"
    "                                   { \"source\": \"upper\" } ] } ] }";
  const struct {
    const char *title;
    const char *opens;        /* the button's tooltip, or NULL: no button */
  } evidence[] = {
    { "A web page", "https://example.org/a" },
    { "A local file", NULL },
    { "No address <b>bold</b>", NULL },
    { "A script", NULL },
    { "An FTP file", NULL },
    { "A line break", NULL },
    { "A host in disguise", NULL },
    { "Upper case", "HTTP://example.org/b?x=1&y=<b>" },
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bytes (bytes, "links.json", NULL, NULL, NULL, &error);
  NhsWindow *window;
  NhsArticleReader *reader;
  GtkWidget *button;
  GtkLabel *title;

  g_assert_no_error (error);
  reset_settings ();
  window = new_window ();
  nhs_window_set_dataset (window, dataset);
  settle (window);
  reader = nhs_window_get_reader (window);
  button = nhs_article_reader_get_open_link_button (reader);
  title = nhs_article_reader_get_source_title_label (reader);

  g_assert_true (nhs_window_show_event (window, "e1"));
  for (guint i = 0; i < G_N_ELEMENTS (evidence); i++)
    {
      g_assert_true (nhs_article_reader_show_evidence (reader, i));
      /* shown as written, not as markup */
      g_assert_false (gtk_label_get_use_markup (title));
      g_assert_cmpstr (gtk_label_get_text (title), ==, evidence[i].title);
      /* the button, its action and the address it names agree */
      g_assert_cmpint (gtk_widget_get_visible (button), ==, evidence[i].opens != NULL);
      g_assert_cmpint (gtk_widget_get_sensitive (button), ==, evidence[i].opens != NULL);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, evidence[i].opens);
    }
  close_window (window);
}

/* Evidence from a source outside the articles shows its card alone: no
 * article's text under it, which would read as its context */
static void
test_source_evidence_alone (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  GtkWidget *text = GTK_WIDGET (nhs_article_reader_get_text_view (reader));
  GtkWidget *card_title = GTK_WIDGET (nhs_article_reader_get_source_title_label (reader));

  /* an article's quote: the text, no card */
  g_assert_true (nhs_window_show_event (window, "rd-2024-01"));
  settle (window);
  g_assert_true (nhs_article_reader_shows_text (reader));
  g_assert_true (gtk_widget_get_mapped (text));
  g_assert_false (gtk_widget_get_mapped (card_title));

  /* the BMA's page: its card, and no article text at all */
  g_assert_true (nhs_window_show_event (window, "joint-2023-10"));
  settle (window);
  g_assert_nonnull (nhs_evidence_get_source (nhs_article_reader_get_evidence (reader)));
  g_assert_false (nhs_article_reader_shows_text (reader));
  g_assert_false (gtk_widget_get_mapped (text));
  g_assert_true (gtk_widget_get_mapped (card_title));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (card_title)), ==,
                   nhs_source_get_title (nhs_evidence_get_source (nhs_article_reader_get_evidence (reader))));
  g_assert_true (gtk_widget_get_mapped (nhs_article_reader_get_copy_link_button (reader)));

  /* back to an article's quote: its text again */
  g_assert_true (nhs_window_show_event (window, "rd-2024-02"));
  settle (window);
  g_assert_true (nhs_article_reader_shows_text (reader));
  g_assert_true (gtk_widget_get_mapped (text));
  close_window (window);
}

/* Ctrl+C on the list copies a line citing the selected event */
static void
test_copy_citation (void)
{
  NhsWindow *window = new_window_on_fixture ();
  NhsEventList *list = nhs_window_get_event_list (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (list));
  g_auto(GValue) value = G_VALUE_INIT;
  NhsEvent *event;
  const char *text;

  click_row (window, "rd-2024-01");
  event = nhs_event_list_get_selected_event (list);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.copy-citation", NULL));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
  text = g_value_get_string (&value);
  /* the title, the day, and the article quoted with its address */
  g_assert_true (g_str_has_prefix (text, nhs_event_get_title (event)));
  g_assert_nonnull (strstr (text, "(3 Jan 2024)"));
  g_assert_nonnull (strstr (text, nhs_article_get_title (nhs_evidence_get_article (g_ptr_array_index (nhs_event_get_evidence (event), 0)))));
  close_window (window);
}

/* Size and panes reach the settings when the window closes */
static void
test_window_state_saved (void)
{
  NhsWindow *window = new_window_on_fixture ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  settle (window);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  /* and the next window opens at that size */
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  close_window (window);
  reset_settings ();
}

/* The hand-over at the end of a load (nhs-window-handover.c): what each
 * frame showed, from the load's end to the window loaded */
typedef struct
{
  NhsWindow *window;
  NhsChartModel *chart_before;  /* the old dataset's chart, compared only */
  GArray *frames;               /* HandOverFrame */
} HandOver;

typedef struct
{
  gboolean chart_new;   /* the chart has left the old dataset */
  gboolean list_new;    /* the rows show the new dataset */
  guint rows;
  gboolean reader_new;  /* the reader shows the new dataset's first article */
  gboolean loading;
} HandOverFrame;

static gboolean
list_shows (NhsWindow  *window,
            NhsDataset *dataset)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(NhsEventSlot) first = g_list_model_get_item (model, 0);

  return first != NULL && nhs_event_slot_get_event (first) == nhs_dataset_get_event (dataset, 0);
}

static gboolean
reader_shows (NhsWindow  *window,
              NhsDataset *dataset)
{
  g_autoptr(NhsArticle) first = g_list_model_get_item (nhs_dataset_get_articles (dataset), 0);

  return nhs_article_reader_get_article (nhs_window_get_reader (window)) == first;
}

static void
hand_over_frame_cb (GdkFrameClock *clock,
                    HandOver      *h)
{
  NhsWindow *window = h->window;
  NhsDataset *dataset = nhs_window_get_dataset (window);
  HandOverFrame frame = { 0 };

  /* from the load's end (the file read) on */
  if (window->load != NULL || (!nhs_window_is_loading (window) && h->frames->len > 0 &&
                               !g_array_index (h->frames, HandOverFrame, h->frames->len - 1).loading))
    return;
  frame.chart_new = nhs_chart_view_get_model (nhs_window_get_chart_view (window)) != h->chart_before;
  frame.list_new = list_shows (window, dataset);
  frame.rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                 nhs_event_list_get_column_view (nhs_window_get_event_list (window)))));
  frame.reader_new = reader_shows (window, dataset);
  frame.loading = nhs_window_is_loading (window);
  g_array_append_val (h->frames, frame);
}

/* A dataset loaded reaches the views a frame at a time: the chart, then the
 * list's rows a few at a time, then the reader; the window is loading
 * until the last, and then shows it all */
static void
test_open_hands_over (void)
{
  NhsWindow *window = new_window_on_fixture ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "synthetic-200.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  HandOver h = { window, nhs_chart_view_get_model (nhs_window_get_chart_view (window)),
                 g_array_new (FALSE, TRUE, sizeof (HandOverFrame)) };
  NhsDataset *dataset;
  guint rows_before = 11, n_frames = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (hand_over_frame_cb), &h);
  nhs_window_open_file (window, file);
  wait_until (load_finished, window);
  g_signal_handler_disconnect (clock, id);

  /* loaded: every view shows it whole */
  dataset = nhs_window_get_dataset (window);
  g_assert_cmpuint (nhs_dataset_get_n_events (dataset), ==, 200);
  g_assert_true (list_shows (window, dataset));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      nhs_event_list_get_column_view (nhs_window_get_event_list (window))))), ==, 200);
  g_assert_true (reader_shows (window, dataset));
  g_assert_cmpuint (_nhs_article_reader_get_n_listed (nhs_window_get_reader (window)), ==, 2);
  g_assert_nonnull (nhs_chart_view_get_model (nhs_window_get_chart_view (window)));

  /* the frames meanwhile: the chart first, alone */
  g_assert_cmpuint (h.frames->len, >=, 7);
  {
    HandOverFrame *first = &g_array_index (h.frames, HandOverFrame, 0);

    g_assert_true (first->chart_new);
    g_assert_false (first->list_new);
    g_assert_false (first->reader_new);
    g_assert_true (first->loading);
  }
  for (guint i = 0; i < h.frames->len; i++)
    {
      HandOverFrame *frame = &g_array_index (h.frames, HandOverFrame, i);

      if (!frame->loading)
        break;
      n_frames++;
      g_assert_true (frame->chart_new);
      if (!frame->list_new)
        {
          /* the reader never before the list */
          g_assert_false (frame->reader_new);
          continue;
        }
      /* rows come 40 at a time at most */
      g_assert_cmpuint (frame->rows, >=, rows_before);
      g_assert_cmpuint (frame->rows - rows_before, <=, 40);
      rows_before = frame->rows;
      /* the reader after the list's last rows */
      if (frame->reader_new)
        g_assert_cmpuint (frame->rows, ==, 200);
    }
  /* a frame for the chart, five for the rows, one for the reader */
  g_assert_cmpuint (n_frames, >=, 7);
  g_array_unref (h.frames);
  close_window (window);
}

static gboolean
handing_over (gpointer data)
{
  NhsWindow *window = data;

  return window->load == NULL && nhs_window_is_loading (window);
}

/* Asked to show an event while the views are being handed the dataset:
 * the rest at once, and the event shown */
static void
test_hand_over_at_once (void)
{
  NhsWindow *window = new_window_on_fixture ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "synthetic-200.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDataset) expected = nhs_dataset_load_file (file, NULL, NULL);
  const char *id = nhs_event_get_id (nhs_dataset_get_event (expected, 199));
  NhsEvent *last;

  nhs_window_open_file (window, file);
  wait_until (handing_over, window);
  g_assert_true (nhs_window_show_event (window, id));
  g_assert_false (nhs_window_is_loading (window));
  last = nhs_dataset_lookup_event (nhs_window_get_dataset (window), id);
  g_assert_nonnull (last);
  g_assert_true (nhs_event_list_get_selected_event (nhs_window_get_event_list (window)) == last);
  g_assert_true (nhs_article_reader_get_event (nhs_window_get_reader (window)) == last);
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      nhs_event_list_get_column_view (nhs_window_get_event_list (window))))), ==, 200);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!test_ui_init ("/window/no-display", TRUE))
    return g_test_run ();

  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/groups-and-kinds", test_groups_and_kinds);
  g_test_add_func ("/window/date-range", test_date_range);
  g_test_add_func ("/window/sorting", test_sorting);
  g_test_add_func ("/window/rows-follow-search", test_rows_follow_search);
  g_test_add_func ("/window/select-shows-quote", test_select_shows_quote);
  g_test_add_func ("/window/every-quote-highlighted", test_every_quote_highlighted);
  g_test_add_func ("/window/evidence-steps", test_evidence_steps);
  g_test_add_func ("/window/quote-click-selects", test_quote_click_selects);
  g_test_add_func ("/window/open-malformed", test_open_malformed);
  g_test_add_func ("/window/open-error-in-words", test_open_error_in_words);
  g_test_add_func ("/window/open-good", test_open_good_replaces);
  g_test_add_func ("/window/long-title", test_long_title);
  g_test_add_func ("/window/open-cancelled", test_open_cancelled);
  g_test_add_func ("/window/recent-datasets", test_recent_datasets);
  g_test_add_func ("/window/last-dataset", test_last_dataset);
  g_test_add_func ("/window/export-csv", test_export_csv);
  g_test_add_func ("/window/filters-remembered", test_filters_remembered);
  g_test_add_func ("/window/find-in-article", test_find_in_article);
  g_test_add_func ("/window/font-scale", test_font_scale);
  g_test_add_func ("/window/source-links", test_source_links);
  g_test_add_func ("/window/window-state-saved", test_window_state_saved);
  g_test_add_func ("/window/source-evidence-alone", test_source_evidence_alone);
  g_test_add_func ("/window/copy-citation", test_copy_citation);
  g_test_add_func ("/window/open-hands-over", test_open_hands_over);
  g_test_add_func ("/window/hand-over-at-once", test_hand_over_at_once);
  return g_test_run ();
}
