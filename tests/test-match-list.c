/* test-match-list.c: NhsMatchList, the events the event list shows, tested
 * in a thread (as at 50,000 events and more) on a dataset of 200
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nhs-document.h"
#include "nhs-match-list.h"
#include "test-util.h"

#define WAIT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  NhsDocument *document;
  NhsDataset *dataset;
  GtkSortListModel *sorted;
  NhsMatchList *matches;
  NhsEventFilter *filter;
  guint n_changes;          /* items-changed said */
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_changes++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "synthetic-200.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->document = nhs_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  f->dataset = g_object_ref (nhs_document_get_dataset (f->document));
  f->sorted = gtk_sort_list_model_new (g_object_ref (nhs_dataset_get_events (f->dataset)), NULL);
  f->matches = nhs_match_list_new (G_LIST_MODEL (f->sorted));
  /* every change in a thread, as in a large dataset */
  nhs_match_list_set_threaded_events (f->matches, 0);
  nhs_match_list_set_dataset (f->matches, f->dataset);
  f->filter = nhs_event_filter_new ();
  nhs_match_list_set_filter (f->matches, f->filter);
  g_signal_connect (f->matches, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->matches, f);
  g_clear_object (&f->matches);
  g_clear_object (&f->sorted);
  g_clear_object (&f->filter);
  g_clear_object (&f->dataset);
  g_clear_object (&f->document);
}

/* Runs the main context until the list shows what the filter matches */
static void
wait_settled (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (nhs_match_list_get_pending (f->matches) > 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the match list never settled");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The ids in a list of events, joined by spaces */
static char *
list_ids (GListModel *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NhsEvent) event = g_list_model_get_item (list, i);

      g_string_append_printf (s, "%s%s", s->len ? " " : "", nhs_event_get_id (event));
    }
  return g_string_free (s, FALSE);
}

/* The ids of the sorted events the filter matches, asked one by one */
static char *
expected_ids (Fixture *f)
{
  GListModel *sorted = G_LIST_MODEL (f->sorted);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sorted); i++)
    {
      g_autoptr(NhsEvent) event = g_list_model_get_item (sorted, i);

      if (nhs_event_filter_match (f->filter, event))
        g_string_append_printf (s, "%s%s", s->len ? " " : "", nhs_event_get_id (event));
    }
  return g_string_free (s, FALSE);
}

static void
assert_shows_matches (Fixture *f)
{
  g_autofree char *shown = NULL;
  g_autofree char *expected = expected_ids (f);

  wait_settled (f);
  shown = list_ids (G_LIST_MODEL (f->matches));
  g_assert_cmpstr (shown, ==, expected);
}

/* Letters typed and taken back (stricter, then looser), other words, the
 * kinds and the groups: each time the rows are the events the filter
 * matches, in order; the filter is tested in a thread */
static void
test_matches (Fixture       *f,
              gconstpointer  data)
{
  const char *searches[] = { "t", "ta", "tal", "talk", "tal", "t", "", "walkout", "residents walkout", "walkout", "zzz", "" };
  g_autofree char *all = list_ids (G_LIST_MODEL (nhs_dataset_get_events (f->dataset)));
  g_autofree char *shown = list_ids (G_LIST_MODEL (f->matches));
  GListModel *groups = nhs_dataset_get_groups (f->dataset);
  g_autoptr(NhsGroup) group = g_list_model_get_item (groups, 0);

  g_assert_cmpuint (nhs_dataset_get_n_events (f->dataset), ==, 200);
  g_assert_cmpstr (shown, ==, all);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *expected = NULL;
      g_autofree char *before = list_ids (G_LIST_MODEL (f->matches));

      nhs_event_filter_set_search (f->filter, searches[i]);
      expected = expected_ids (f);
      /* a search shows its rows when the thread is done, not before */
      if (*searches[i] != '\0' && g_strcmp0 (expected, before) != 0)
        {
          g_autofree char *meanwhile = list_ids (G_LIST_MODEL (f->matches));

          g_assert_cmpuint (nhs_match_list_get_pending (f->matches), >, 0);
          g_assert_cmpstr (meanwhile, ==, before);
        }
      assert_shows_matches (f);
    }
  /* the words chosen match some events, not all */
  nhs_event_filter_set_search (f->filter, "walkout");
  wait_settled (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->matches)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->matches)), <, 200);

  nhs_event_filter_set_kinds (f->filter, NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_STRIKE));
  assert_shows_matches (f);
  nhs_event_filter_set_group_enabled (f->filter, nhs_group_get_id (group), FALSE);
  assert_shows_matches (f);
  nhs_event_filter_reset (f->filter);
  assert_shows_matches (f);
  shown = (g_free (shown), list_ids (G_LIST_MODEL (f->matches)));
  g_assert_cmpstr (shown, ==, all);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_utf8_collate (nhs_event_get_title ((NhsEvent *) a), nhs_event_get_title ((NhsEvent *) b));
}

/* Sorted by title: the rows follow the sort, the filter's matches among them */
static void
test_sorted (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_titles, NULL, NULL));
  g_autoptr(NhsEvent) first = NULL;
  g_autoptr(NhsEvent) dataset_first = NULL;

  nhs_event_filter_set_search (f->filter, "talks");
  assert_shows_matches (f);
  gtk_sort_list_model_set_sorter (f->sorted, sorter);
  assert_shows_matches (f);
  /* not the dataset's order any more */
  first = g_list_model_get_item (G_LIST_MODEL (f->matches), 0);
  dataset_first = g_list_model_get_item (G_LIST_MODEL (nhs_dataset_get_events (f->dataset)), 0);
  g_assert_true (first != dataset_first);
  nhs_event_filter_set_search (f->filter, "tal");
  assert_shows_matches (f);
  nhs_event_filter_set_search (f->filter, "walkout");
  assert_shows_matches (f);
}

/* A change while the thread tests the one before: the list ends with the
 * last one's matches, and never shows the older one's */
static void
test_last_change_wins (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(NhsEventFilter) older = nhs_event_filter_new ();
  g_autofree char *older_ids = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;

  nhs_event_filter_set_search (older, "walkout");
  older_ids = test_matching_ids (f->dataset, older);

  for (int round = 0; round < 20; round++)
    {
      nhs_event_filter_reset (f->filter);
      wait_settled (f);
      f->n_changes = 0;

      nhs_event_filter_set_search (f->filter, "walkout");
      g_assert_cmpuint (nhs_match_list_get_pending (f->matches), >, 0);
      /* the older test may be done in its thread or not: either way it
       * is not shown */
      if (round % 2 == 1)
        g_usleep (20000);
      nhs_event_filter_set_search (f->filter, "talks");
      expected = (g_free (expected), expected_ids (f));
      g_assert_cmpstr (expected, !=, older_ids);
      assert_shows_matches (f);
      /* one change of the rows: straight to the last filter's */
      g_assert_cmpuint (f->n_changes, ==, 1);
    }
  shown = list_ids (G_LIST_MODEL (f->matches));
  g_assert_cmpstr (shown, !=, older_ids);
}

/* The last event whose search text has word and not not_word */
static NhsEvent *
find_event (Fixture    *f,
            const char *word,
            const char *not_word)
{
  for (guint i = nhs_dataset_get_n_events (f->dataset); i-- > 0;)
    {
      NhsEvent *event = nhs_dataset_get_event (f->dataset, i);
      const char *text = nhs_event_get_search_text (event);

      if (strstr (text, word) != NULL && strstr (text, not_word) == NULL)
        return event;
    }
  g_assert_not_reached ();
}

/* The selected event stays selected while the filter still matches it,
 * through a change in a thread; once the filter no longer does, nothing is */
static void
test_selection_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (f->matches)));
  NhsEvent *event = find_event (f, "talks", "walkout");
  guint position;

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  position = nhs_event_get_index (event);
  /* far from the top, so that the rows before it change */
  g_assert_cmpuint (position, >, 10);
  gtk_single_selection_set_selected (selection, position);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) event);

  nhs_event_filter_set_search (f->filter, "t");
  assert_shows_matches (f);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) event);
  nhs_event_filter_set_search (f->filter, "talks");
  assert_shows_matches (f);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) event);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), <, position);
  nhs_event_filter_set_search (f->filter, "ta");
  assert_shows_matches (f);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) event);

  nhs_event_filter_set_search (f->filter, "walkout");
  assert_shows_matches (f);
  g_assert_null (gtk_single_selection_get_selected_item (selection));
}

/* Edits through the document: an edited event is tested again, an added
 * one is tested, a deleted one goes; also while a search is being tested */
static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  NhsEvent *event = find_event (f, "talks", "walkout");
  g_autoptr(GError) error = NULL;
  NhsEvent *added;

  nhs_event_filter_set_search (f->filter, "walkout");
  assert_shows_matches (f);
  g_assert_cmpuint (nhs_match_list_get_pending (f->matches), ==, 0);

  /* it comes in at once */
  g_assert_true (nhs_document_set_event_text (f->document, event, NHS_EVENT_FIELD_TITLE, "A walkout after all", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_match_list_get_pending (f->matches), ==, 0);
  assert_shows_matches (f);

  /* and goes */
  g_assert_true (nhs_document_set_event_text (f->document, event, NHS_EVENT_FIELD_TITLE, "Talks again", &error));
  g_assert_no_error (error);
  assert_shows_matches (f);

  /* edited while a search is tested in the thread */
  nhs_event_filter_set_search (f->filter, "talks");
  g_assert_true (nhs_document_set_event_text (f->document, event, NHS_EVENT_FIELD_TITLE, "Nothing of either", &error));
  g_assert_no_error (error);
  assert_shows_matches (f);

  added = nhs_document_add_event (f->document, "2024-01-03", &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_set_event_text (f->document, added, NHS_EVENT_FIELD_TITLE, "More talks", &error));
  g_assert_no_error (error);
  assert_shows_matches (f);
  g_assert_true (nhs_document_delete_event (f->document, added, &error));
  g_assert_no_error (error);
  assert_shows_matches (f);
  g_assert_true (nhs_document_undo (f->document));
  assert_shows_matches (f);
}

/* The same sorted by title: the list keeps its own copy of the sorted
 * events then, which edits change */
static void
test_sorted_edits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_titles, NULL, NULL));
  NhsEvent *event = find_event (f, "talks", "walkout");
  g_autoptr(GError) error = NULL;
  NhsEvent *added;

  gtk_sort_list_model_set_sorter (f->sorted, sorter);
  nhs_event_filter_set_search (f->filter, "walkout");
  assert_shows_matches (f);
  g_assert_true (nhs_document_set_event_text (f->document, event, NHS_EVENT_FIELD_TITLE, "A walkout after all", &error));
  g_assert_no_error (error);
  assert_shows_matches (f);
  nhs_event_filter_set_search (f->filter, "talks");
  g_assert_true (nhs_document_set_event_text (f->document, event, NHS_EVENT_FIELD_TITLE, "Talks again", &error));
  g_assert_no_error (error);
  assert_shows_matches (f);
  added = nhs_document_add_event (f->document, "2024-01-03", &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_set_event_text (f->document, added, NHS_EVENT_FIELD_TITLE, "Aaa talks", &error));
  g_assert_no_error (error);
  assert_shows_matches (f);
  g_assert_true (nhs_document_delete_event (f->document, added, &error));
  g_assert_no_error (error);
  assert_shows_matches (f);
  /* every event tested again, in the copy the edits changed */
  nhs_event_filter_set_search (f->filter, "e");
  assert_shows_matches (f);
  nhs_event_filter_set_search (f->filter, "residents");
  assert_shows_matches (f);
}

/* Another dataset while a search is on: its events are tested (in the
 * thread), the old dataset's rows gone at once */
static void
test_new_dataset (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(NhsDataset) other = test_load_fixture ("fixture.json");

  nhs_event_filter_set_search (f->filter, "strike");
  assert_shows_matches (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->matches)), >, 0);

  /* as the event list does */
  nhs_match_list_set_dataset (f->matches, other);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->matches)), ==, 0);
  gtk_sort_list_model_set_model (f->sorted, nhs_dataset_get_events (other));
  assert_shows_matches (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->matches)), >, 0);
  nhs_event_filter_set_search (f->filter, "strik");
  assert_shows_matches (f);
  nhs_event_filter_set_search (f->filter, "pay");
  assert_shows_matches (f);

  nhs_match_list_set_dataset (f->matches, NULL);
  gtk_sort_list_model_set_model (f->sorted, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->matches)), ==, 0);
  assert_shows_matches (f);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/match-list/matches", Fixture, NULL, fixture_set_up, test_matches, fixture_tear_down);
  g_test_add ("/match-list/sorted", Fixture, NULL, fixture_set_up, test_sorted, fixture_tear_down);
  g_test_add ("/match-list/last-change-wins", Fixture, NULL, fixture_set_up, test_last_change_wins, fixture_tear_down);
  g_test_add ("/match-list/selection-kept", Fixture, NULL, fixture_set_up, test_selection_kept, fixture_tear_down);
  g_test_add ("/match-list/edits", Fixture, NULL, fixture_set_up, test_edits, fixture_tear_down);
  g_test_add ("/match-list/sorted-edits", Fixture, NULL, fixture_set_up, test_sorted_edits, fixture_tear_down);
  g_test_add ("/match-list/new-dataset", Fixture, NULL, fixture_set_up, test_new_dataset, fixture_tear_down);
  return g_test_run ();
}
