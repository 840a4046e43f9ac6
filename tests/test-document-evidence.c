/* test-document-evidence.c: removing, moving and adding evidence; a new
 * event from a selection
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-document.h"
#include "nhs-document-evidence.h"
#include "nhs-document-import.h"

static NhsDocument *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NhsDocument *doc = nhs_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
document_text (NhsDocument *doc)
{
  g_autoptr(GBytes) bytes = nhs_document_to_bytes (doc);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

/* The document's text reloaded by the loader: it must take it */
static NhsDataset *
reload (NhsDocument *doc)
{
  g_autoptr(GBytes) bytes = nhs_document_to_bytes (doc);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_bytes (bytes, "edited.json", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

static NhsEvent *
event_by_id (NhsDocument *doc,
             const char  *id)
{
  NhsEvent *event = nhs_dataset_lookup_event (nhs_document_get_dataset (doc), id);

  g_assert_nonnull (event);
  return event;
}

/* Undo gives back before's bytes, redo after's */
static void
assert_undo_redo (NhsDocument *doc,
                  const char  *before,
                  const char  *name)
{
  g_autofree char *after = document_text (doc);
  g_autofree char *undone = NULL, *redone = NULL;

  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, name);
  g_assert_true (nhs_document_undo (doc));
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (nhs_document_redo (doc));
  redone = document_text (doc);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_cite_source (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  g_autoptr(NhsDataset) reloaded = NULL;
  g_autofree char *before = document_text (doc);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  NhsEvent *event = event_by_id (doc, "ev-b");
  GPtrArray *evidence;
  NhsEvidence *ev;

  g_assert_true (nhs_document_cite_source (doc, G_OBJECT (event), "src-bma", "", "Called by the union", &error));
  g_assert_no_error (error);
  after = document_text (doc);
  /* one piece more, in the format's order of members, the quote left out */
  g_assert_nonnull (strstr (after,
                            "          \"x-evidence\": \"after\"\n"
                            "        },\n"
                            "        {\n"
                            "          \"source\": \"src-bma\",\n"
                            "          \"note\": \"Called by the union\"\n"
                            "        }\n"
                            "      ]\n"));
  evidence = nhs_event_get_evidence (event);
  g_assert_cmpuint (evidence->len, ==, 2);
  ev = g_ptr_array_index (evidence, 1);
  g_assert_cmpstr (nhs_source_get_title (nhs_evidence_get_source (ev)), ==, "BMA notice");
  g_assert_cmpstr (nhs_evidence_get_note (ev), ==, "Called by the union");
  g_assert_cmpuint (nhs_document_get_n_evidence (doc, G_OBJECT (event)), ==, 2);
  reloaded = reload (doc);
  g_assert_cmpuint (nhs_event_get_evidence (nhs_dataset_lookup_event (reloaded, "ev-b"))->len, ==, 2);
  assert_undo_redo (doc, before, "Add Source Citation");
  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (nhs_event_get_evidence (event)->len, ==, 1);

  /* a quote is kept with a source too */
  g_assert_true (nhs_document_cite_source (doc, G_OBJECT (event), "src-bma", "the notice", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = document_text (doc);
  g_assert_nonnull (strstr (after, "          \"source\": \"src-bma\",\n          \"quote\": \"the notice\"\n        }\n"));
}

static void
test_cite_source_refused (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  g_autofree char *before = document_text (doc);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  NhsEvent *event = event_by_id (doc, "ev-a");

  /* the loader's rule and its words: the source must exist */
  g_assert_false (nhs_document_cite_source (doc, G_OBJECT (event), "src-none", NULL, "x", &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==, "there is no source with the id “src-none”");
  g_clear_error (&error);
  g_assert_false (nhs_document_cite_source (doc, G_OBJECT (event), "", NULL, NULL, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (nhs_document_remove_evidence (doc, G_OBJECT (event), 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (nhs_document_move_evidence (doc, G_OBJECT (event), 0, 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* a piece moved to its own place is no edit */
  g_assert_true (nhs_document_move_evidence (doc, G_OBJECT (event), 0, 0, &error));
  g_assert_no_error (error);

  g_assert_false (nhs_document_can_undo (doc));
  g_assert_false (nhs_document_get_modified (doc));
  after = document_text (doc);
  g_assert_cmpstr (after, ==, before);
}

static void
test_move_evidence (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-1");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  NhsEvent *event = event_by_id (doc, "ev-b");
  GPtrArray *evidence;

  g_assert_true (nhs_document_cite_source (doc, G_OBJECT (event), "src-bma", NULL, "second", &error));
  before = document_text (doc);

  g_assert_true (nhs_document_move_evidence (doc, G_OBJECT (event), 0, 1, &error));
  g_assert_no_error (error);
  evidence = nhs_event_get_evidence (event);
  g_assert_nonnull (nhs_evidence_get_source (g_ptr_array_index (evidence, 0)));
  g_assert_true (nhs_evidence_get_article (g_ptr_array_index (evidence, 1)) == article);
  /* the article's quote is the moved piece, still filed under it */
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 1);
  g_assert_true (g_ptr_array_index (nhs_dataset_get_article_quotes (ds, article), 0) ==
                 g_ptr_array_index (evidence, 1));
  after = document_text (doc);
  /* the piece moves whole, the members the app does not know with it */
  g_assert_nonnull (strstr (after,
                            "      \"evidence\": [\n"
                            "        {\n"
                            "          \"source\": \"src-bma\",\n"
                            "          \"note\": \"second\"\n"
                            "        },\n"
                            "        {\n"
                            "          \"x-evidence-first\": 0,\n"
                            "          \"article\": \"art-1\",\n"
                            "          \"quote\": \"from 7am on February 24 until 11.59pm on February 28\",\n"
                            "          \"x-evidence\": \"after\"\n"
                            "        }\n"
                            "      ]\n"));
  assert_undo_redo (doc, before, "Move Evidence");
  g_object_unref (reload (doc));
}

static void
test_remove_evidence (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-1");
  g_autofree char *before = document_text (doc);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  NhsEvent *event = event_by_id (doc, "ev-b");

  g_assert_cmpuint (nhs_dataset_get_citations (ds, article)->len, ==, 1);
  g_assert_true (nhs_document_remove_evidence (doc, G_OBJECT (event), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_event_get_evidence (event)->len, ==, 0);
  /* the article no longer lists the quote nor the event citing it */
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 0);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, article)->len, ==, 0);
  after = document_text (doc);
  g_assert_null (strstr (after, "x-evidence"));
  g_assert_nonnull (strstr (after, "      \"evidence\": []\n"));
  assert_undo_redo (doc, before, "Remove Evidence");
  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 1);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, article)->len, ==, 1);
}

static void
test_figure_evidence (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsFigure *with = nhs_dataset_lookup_figure (ds, "fig-1");
  NhsFigure *without = nhs_dataset_lookup_figure (ds, "fig-2");
  g_autofree char *original = document_text (doc);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;

  /* a figure without evidence gets the member, and loses it on undo */
  g_assert_true (nhs_document_cite_source (doc, G_OBJECT (without), "src-bma", NULL, "costing", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_figure_get_evidence (without)->len, ==, 1);
  assert_undo_redo (doc, original, "Add Source Citation");

  g_assert_true (nhs_document_cite_source (doc, G_OBJECT (with), "src-bma", NULL, "again", &error));
  before = document_text (doc);
  g_assert_true (nhs_document_move_evidence (doc, G_OBJECT (with), 1, 0, &error));
  g_assert_no_error (error);
  evidence = nhs_figure_get_evidence (with);
  g_assert_cmpstr (nhs_evidence_get_note (g_ptr_array_index (evidence, 0)), ==, "again");
  after = document_text (doc);
  g_assert_nonnull (strstr (after,
                            "          \"note\": \"again\"\n"
                            "        },\n"
                            "        {\n"
                            "          \"source\": \"src-bma\",\n"
                            "          \"x-figure-evidence\": 1234567890123\n"));
  assert_undo_redo (doc, before, "Move Evidence");

  g_assert_true (nhs_document_remove_evidence (doc, G_OBJECT (with), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_figure_get_evidence (with)->len, ==, 1);
  g_object_unref (reload (doc));

  /* every step undone: the file as it was */
  while (nhs_document_undo (doc))
    ;
  g_clear_pointer (&after, g_free);
  after = document_text (doc);
  g_assert_cmpstr (after, ==, original);
}

static void
test_new_event_from_quote (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-1");
  const char *quote = "Doctors will strike from 7am on February 24 until 11.59pm on February 28.";
  g_autofree char *before = document_text (doc);
  g_autoptr(NhsDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  NhsEvent *event, *again;
  GPtrArray *evidence;

  event = nhs_document_new_event_from_quote (doc, article, quote, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  /* the text names no group: no event for the extractor, the dates all
   * the same; the kind is left for the person */
  g_assert_cmpint (nhs_event_get_kind (event), ==, NHS_EVENT_KIND_OTHER);
  evidence = nhs_event_get_evidence (event);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (evidence, 0)), ==, quote);

  reloaded = reload (doc);
  again = nhs_dataset_lookup_event (reloaded, nhs_event_get_id (event));
  g_assert_nonnull (again);
  {
    g_autofree char *start = g_date_time_format (nhs_event_get_start (again), "%Y-%m-%dT%H:%M");
    g_autofree char *end = g_date_time_format (nhs_event_get_end (again), "%Y-%m-%dT%H:%M");

    /* the year from the article's date, 9 February 2024 */
    g_assert_cmpstr (start, ==, "2024-02-24T07:00");
    g_assert_cmpstr (end, ==, "2024-02-28T23:59");
  }
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (nhs_event_get_evidence (again), 0)), ==, quote);
  assert_undo_redo (doc, before, "New Event from Selection");
  g_assert_true (nhs_document_undo (doc));
  g_assert_null (nhs_dataset_lookup_event (ds, nhs_event_get_id (event)));
}

/* A sentence of a bundled article: kind, group and dates from the
 * extractor, which reads the group from the sentences before it */
static void
test_new_event_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDocument) doc = nhs_document_load_bundled (&error);
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-2024-02-09-junior-doctors-february-strike");
  const char *quote = "Thousands of medics will now go on strike in England from 7am on February 24 until "
                      "11.59pm on February 28.";
  g_autofree char *before = document_text (doc);
  g_autofree char *start = NULL, *end = NULL;
  NhsEvent *event;

  g_assert_no_error (error);
  g_assert_nonnull (article);
  event = nhs_document_new_event_from_quote (doc, article, quote, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nhs_event_get_kind (event), ==, NHS_EVENT_KIND_STRIKE);
  g_assert_cmpuint (nhs_event_get_groups (event)->len, ==, 1);
  g_assert_cmpstr (nhs_group_get_id (g_ptr_array_index (nhs_event_get_groups (event), 0)), ==, "resident");
  start = g_date_time_format (nhs_event_get_start (event), "%Y-%m-%dT%H:%M");
  end = g_date_time_format (nhs_event_get_end (event), "%Y-%m-%dT%H:%M");
  g_assert_cmpstr (start, ==, "2024-02-24T07:00");
  g_assert_cmpstr (end, ==, "2024-02-28T23:59");
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (nhs_event_get_evidence (event), 0)), ==, quote);
  /* a new event, though rd-2024-02 is the same strike */
  g_assert_cmpstr (nhs_event_get_id (event), !=, "rd-2024-02");
  g_assert_nonnull (nhs_dataset_lookup_event (ds, "rd-2024-02"));
  assert_undo_redo (doc, before, "New Event from Selection");
}

static void
test_new_event_without_date (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-1");
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  NhsEvent *event;

  /* no date in the words: the article's, for the person to correct */
  event = nhs_document_new_event_from_quote (doc, article, "says the union", &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  start = g_date_time_format (nhs_event_get_start (event), "%Y-%m-%d");
  g_assert_cmpstr (start, ==, "2024-02-09");
  g_assert_cmpint (nhs_event_get_kind (event), ==, NHS_EVENT_KIND_OTHER);
  g_assert_cmpstr (nhs_event_get_title (event), ==, "says the union");
  g_assert_cmpstr (nhs_group_get_id (g_ptr_array_index (nhs_event_get_groups (event), 0)), ==, "resident");

  /* words that are not the article's are refused by the loader */
  g_assert_null (nhs_document_new_event_from_quote (doc, article, "not in it", &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_QUOTE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-evidence/cite-source", test_cite_source);
  g_test_add_func ("/document-evidence/cite-source-refused", test_cite_source_refused);
  g_test_add_func ("/document-evidence/move", test_move_evidence);
  g_test_add_func ("/document-evidence/remove", test_remove_evidence);
  g_test_add_func ("/document-evidence/figure", test_figure_evidence);
  g_test_add_func ("/document-evidence/new-event-from-quote", test_new_event_from_quote);
  g_test_add_func ("/document-evidence/new-event-bundled", test_new_event_bundled);
  g_test_add_func ("/document-evidence/new-event-without-date", test_new_event_without_date);

  return g_test_run ();
}
