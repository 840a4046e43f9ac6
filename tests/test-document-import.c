/* test-document-import.c: an imported article and its candidates into a document
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-document-import.h"

#define NEW_STRIKE_BODY \
  "Resident doctors in England will walk out again next month, the BMA has said.\n" \
  "Resident doctors in England will strike from 7am on 3 March until 7am on 8 March, the union said.\n" \
  "Sign up to our newsletter."

#define KNOWN_STRIKE_BODY \
  "The BMA confirmed the dates on Monday.\n" \
  "Resident doctors in England will strike for five days from 7am on Friday 14 November until 7am on " \
  "Wednesday 19 November, the BMA said."

static NhsDocument *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  NhsDocument *doc = nhs_document_load_bundled (&error);

  g_assert_no_error (error);
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

/* What the loader makes of the document's bytes */
static NhsDataset *
reload (NhsDocument *doc)
{
  g_autoptr(GBytes) bytes = nhs_document_to_bytes (doc);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_bytes (bytes, "saved.json", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

static NhsImportedArticle *
imported (const char *title,
          const char *published,
          const char *url,
          const char *body)
{
  NhsImportedArticle *article = g_new0 (NhsImportedArticle, 1);

  article->title = g_strdup (title);
  article->publisher = g_strdup ("British Medical Association");
  article->published = g_strdup (published);
  article->url = g_strdup (url);
  article->body = g_strdup (body);
  return article;
}

/* The first event candidate of the kind in the article's body */
static NhsCandidate *
find_candidate (NhsDocument  *doc,
                NhsArticle   *article,
                NhsEventKind  kind,
                GPtrArray   **keep)
{
  const char *body = nhs_article_get_body (article);
  g_autoptr(GDateTime) published = g_date_time_ref (nhs_article_get_published (article));
  g_autofree char *day = g_date_time_format (published, "%Y-%m-%d");

  *keep = nhs_extract (body, -1, day, nhs_document_get_dataset (doc));
  for (guint i = 0; i < (*keep)->len; i++)
    {
      NhsCandidate *c = g_ptr_array_index (*keep, i);
      if (c->type == NHS_CANDIDATE_EVENT && c->kind == kind)
        return c;
    }
  g_assert_not_reached ();
}

static void
test_import_article (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  GListModel *articles = nhs_dataset_get_articles (ds);
  guint n = g_list_model_get_n_items (articles);
  g_autofree char *before = document_text (doc);
  g_autofree char *after = NULL, *undone = NULL;
  g_autoptr(NhsImportedArticle) in = imported ("Resident doctors announce March strike", "2026-02-20",
                                               "https://www.bma.org.uk/news/march-strike", NEW_STRIKE_BODY);
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = NULL;
  NhsArticle *article, *again;

  article = nhs_document_import_article (doc, in, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_article_get_id (article), ==, "art-2026-02-20-resident-doctors-announce-march-strike");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n + 1);
  g_assert_true (nhs_dataset_lookup_article (ds, nhs_article_get_id (article)) == article);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Add Article");
  g_assert_true (nhs_document_get_modified (doc));

  /* the file holds it as given, the body word for word */
  saved = reload (doc);
  again = nhs_dataset_lookup_article (saved, nhs_article_get_id (article));
  g_assert_nonnull (again);
  g_assert_cmpstr (nhs_article_get_body (again), ==, NEW_STRIKE_BODY);
  g_assert_cmpstr (nhs_article_get_title (again), ==, "Resident doctors announce March strike");
  g_assert_cmpstr (nhs_article_get_publisher (again), ==, "British Medical Association");
  g_assert_cmpstr (nhs_article_get_url (again), ==, "https://www.bma.org.uk/news/march-strike");
  day = g_date_time_ref (nhs_article_get_published (again));
  g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 20);

  /* one step undoes it, byte for byte, and redo brings it back */
  after = document_text (doc);
  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n);
  g_assert_null (nhs_dataset_lookup_article (ds, "art-2026-02-20-resident-doctors-announce-march-strike"));
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (nhs_document_get_modified (doc));
  g_assert_true (nhs_document_redo (doc));
  g_clear_pointer (&undone, g_free);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, after);
}

static void
test_already_there (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  GListModel *articles = nhs_dataset_get_articles (ds);
  guint n = g_list_model_get_n_items (articles);
  g_autoptr(NhsArticle) first = g_list_model_get_item (articles, 0);
  g_autofree char *before = document_text (doc);
  g_autofree char *after = NULL, *respaced = NULL;
  g_autoptr(NhsImportedArticle) same_text = NULL, same_url = NULL, new_one = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  /* the same text, its lines broken and spaced otherwise */
  lines = g_strsplit (nhs_article_get_body (first), "\n", -1);
  respaced = g_strjoinv ("\n\n  ", lines);
  same_text = imported ("Another title", "2020-01-01", NULL, respaced);
  g_assert_null (nhs_document_import_article (doc, same_text, &error));
  g_assert_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_ALREADY_THERE);
  g_assert_nonnull (strstr (error->message, nhs_article_get_title (first)));
  g_clear_error (&error);

  new_one = imported ("Strike called", "2026-02-20", "https://www.bma.org.uk/news/march-strike/", NEW_STRIKE_BODY);
  g_assert_nonnull (nhs_document_import_article (doc, new_one, &error));
  g_assert_no_error (error);

  /* the same page by another form of its address, with other text */
  same_url = imported ("Strike called (updated)", "2026-02-21", "https://www.bma.org.uk/news/march-strike#top",
                       "Updated: the strike goes ahead.");
  g_assert_null (nhs_document_import_article (doc, same_url, &error));
  g_assert_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_ALREADY_THERE);
  g_clear_error (&error);

  /* nothing but the one article came in */
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n + 1);
  g_assert_true (nhs_document_undo (doc));
  g_assert_false (nhs_document_can_undo (doc));
  after = document_text (doc);
  g_assert_cmpstr (after, ==, before);
}

static void
test_incomplete (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  g_autoptr(NhsImportedArticle) untitled = imported (NULL, "2026-02-20", NULL, NEW_STRIKE_BODY);
  g_autoptr(NhsImportedArticle) empty = imported ("Title", "2026-02-20", NULL, " \n\n ");
  g_autoptr(NhsImportedArticle) bad_day = imported ("Title", "20 Feb", NULL, NEW_STRIKE_BODY);
  g_autoptr(GError) error = NULL;

  g_assert_null (nhs_document_import_article (doc, untitled, &error));
  g_assert_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_null (nhs_document_import_article (doc, empty, &error));
  g_assert_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_null (nhs_document_import_article (doc, bad_day, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_VALUE);
  g_assert_false (nhs_document_can_undo (doc));
}

static void
test_accept_new_event (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  g_autoptr(NhsImportedArticle) in = imported ("Resident doctors announce March strike", "2026-02-20",
                                               NULL, NEW_STRIKE_BODY);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_article = NULL, *undone = NULL;
  guint n_events = nhs_dataset_get_n_events (ds);
  NhsArticle *article;
  NhsCandidate *strike;
  NhsEvent *event, *again;
  NhsEvidence *evidence;

  article = nhs_document_import_article (doc, in, &error);
  g_assert_no_error (error);
  with_article = document_text (doc);
  strike = find_candidate (doc, article, NHS_EVENT_KIND_STRIKE, &candidates);
  g_assert_null (strike->matches);

  event = nhs_document_accept_candidate (doc, article, strike, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n_events + 1);
  g_assert_cmpstr (nhs_event_get_id (event), ==, "strike-resident-2026-03-03");
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Add Event from Article");

  /* the saved file has the event, its dates and the sentence as its quote */
  saved = reload (doc);
  again = nhs_dataset_lookup_event (saved, nhs_event_get_id (event));
  g_assert_nonnull (again);
  g_assert_cmpint (nhs_event_get_kind (again), ==, NHS_EVENT_KIND_STRIKE);
  g_assert_cmpuint (nhs_event_get_evidence (again)->len, ==, 1);
  evidence = g_ptr_array_index (nhs_event_get_evidence (again), 0);
  g_assert_cmpstr (nhs_evidence_get_quote (evidence), ==,
                   "Resident doctors in England will strike from 7am on 3 March until 7am on 8 March, the union said.");
  g_assert_cmpstr (nhs_article_get_id (nhs_evidence_get_article (evidence)), ==, nhs_article_get_id (article));
  g_assert_cmpuint (nhs_event_get_strike_days (again), ==, 5);

  /* one undo takes the event away and leaves the article */
  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n_events);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, with_article);
}

static void
test_more_evidence (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  g_autoptr(NhsImportedArticle) in = imported ("November strike confirmed", "2025-11-03", NULL, KNOWN_STRIKE_BODY);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = nhs_dataset_get_n_events (ds);
  NhsEvent *known = nhs_dataset_lookup_event (ds, "rd-2025-11");
  guint n_evidence = nhs_event_get_evidence (known)->len;
  NhsArticle *article;
  NhsCandidate *strike;
  NhsEvidence *last;

  article = nhs_document_import_article (doc, in, &error);
  g_assert_no_error (error);
  strike = find_candidate (doc, article, NHS_EVENT_KIND_STRIKE, &candidates);
  g_assert_cmpstr (strike->matches, ==, "rd-2025-11");

  g_assert_true (nhs_document_accept_candidate (doc, article, strike, &error) == known);
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n_events);
  g_assert_cmpuint (nhs_event_get_evidence (known)->len, ==, n_evidence + 1);
  last = g_ptr_array_index (nhs_event_get_evidence (known), n_evidence);
  g_assert_true (nhs_evidence_get_article (last) == article);
  g_assert_cmpstr (nhs_evidence_get_quote (last), ==, strike->quote);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 1);

  /* accepting it twice cites it once */
  g_assert_null (nhs_document_accept_candidate (doc, article, strike, &error));
  g_assert_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_ALREADY_CITED);
  g_assert_cmpuint (nhs_event_get_evidence (known)->len, ==, n_evidence + 1);

  /* undo, then undo the article: the quotes filed under it go first */
  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (nhs_event_get_evidence (known)->len, ==, n_evidence);
  g_assert_true (nhs_document_undo (doc));
  g_assert_false (nhs_document_can_undo (doc));
}

static void
test_figure_refused (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  g_autoptr(NhsImportedArticle) in = imported ("Offer", "2026-02-20", NULL,
                                               "The government offered resident doctors a 4% pay rise.");
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  NhsArticle *article;
  NhsCandidate *figure = NULL;

  article = nhs_document_import_article (doc, in, &error);
  g_assert_no_error (error);
  candidates = nhs_extract (nhs_article_get_body (article), -1, "2026-02-20", nhs_document_get_dataset (doc));
  for (guint i = 0; i < candidates->len && figure == NULL; i++)
    if (((NhsCandidate *) g_ptr_array_index (candidates, i))->type == NHS_CANDIDATE_FIGURE)
      figure = g_ptr_array_index (candidates, i);
  g_assert_nonnull (figure);
  g_assert_null (nhs_document_accept_candidate (doc, article, figure, &error));
  g_assert_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Add Article");
}

/* The first figure candidate in the article's body */
static NhsCandidate *
find_figure_candidate (NhsDocument *doc,
                       NhsArticle  *article,
                       GPtrArray  **keep)
{
  g_autofree char *day = g_date_time_format (nhs_article_get_published (article), "%Y-%m-%d");

  *keep = nhs_extract (nhs_article_get_body (article), -1, day, nhs_document_get_dataset (doc));
  for (guint i = 0; i < (*keep)->len; i++)
    {
      NhsCandidate *c = g_ptr_array_index (*keep, i);
      if (c->type == NHS_CANDIDATE_FIGURE)
        return c;
    }
  g_assert_not_reached ();
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

#define OFFER_SENTENCE "The government offered resident doctors a 7% pay rise, the BMA said."

static void
test_accept_new_figure (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  GListModel *figures = nhs_dataset_get_figures (ds);
  guint n_figures = g_list_model_get_n_items (figures);
  g_autoptr(NhsImportedArticle) in = imported ("Government makes offer", "2026-02-20", NULL,
                                               "Talks resumed this week.\n" OFFER_SENTENCE);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *with_article = NULL, *with_figure = NULL, *undone = NULL, *redone = NULL;
  g_autofree char *expected_log = NULL;
  NhsArticle *article;
  NhsCandidate *offer;
  NhsFigure *figure, *again;
  NhsEvidence *evidence;

  article = nhs_document_import_article (doc, in, &error);
  g_assert_no_error (error);
  with_article = document_text (doc);
  offer = find_figure_candidate (doc, article, &candidates);
  g_assert_null (offer->matches);
  g_assert_cmpint (offer->metric, ==, NHS_FIGURE_METRIC_PAY_OFFER);

  g_signal_connect (figures, "items-changed", G_CALLBACK (items_changed_cb), log);
  figure = nhs_document_accept_figure_candidate (doc, article, offer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figure);
  /* the list the chart and the reader show has it, last */
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures + 1);
  expected_log = g_strdup_printf ("%u-0+1;", n_figures);
  g_assert_cmpstr (log->str, ==, expected_log);
  {
    g_autoptr(NhsFigure) last = g_list_model_get_item (figures, n_figures);
    g_assert_true (last == figure);
  }
  g_assert_cmpstr (nhs_figure_get_id (figure), ==, "fig-pay-offer-resident-2026-02-20");
  g_assert_true (nhs_dataset_lookup_figure (ds, "fig-pay-offer-resident-2026-02-20") == figure);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Add Figure from Article");
  /* the reader finds the figure among the article's citations */
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 1);
  g_assert_true (g_ptr_array_index (nhs_dataset_get_citations (ds, article), 0) == (gpointer) figure);

  /* the saved bytes load, and hold the figure with the sentence as its quote */
  with_figure = document_text (doc);
  saved = reload (doc);
  again = nhs_dataset_lookup_figure (saved, nhs_figure_get_id (figure));
  g_assert_nonnull (again);
  g_assert_cmpint (nhs_figure_get_metric (again), ==, NHS_FIGURE_METRIC_PAY_OFFER);
  g_assert_cmpfloat (nhs_figure_get_value (again), ==, 7);
  g_assert_cmpint (nhs_figure_get_unit (again), ==, NHS_FIGURE_UNIT_PERCENT);
  g_assert_cmpstr (nhs_group_get_id (nhs_figure_get_group (again)), ==, "resident");
  g_assert_cmpstr (nhs_figure_get_label (again), ==, "The government offered resident doctors a 7% pay rise, the BMA said.");
  {
    g_autofree char *date = g_date_time_format (nhs_figure_get_date (again), "%Y-%m-%d");
    g_assert_cmpstr (date, ==, "2026-02-20");
  }
  g_assert_cmpuint (nhs_figure_get_evidence (again)->len, ==, 1);
  evidence = g_ptr_array_index (nhs_figure_get_evidence (again), 0);
  g_assert_cmpstr (nhs_evidence_get_quote (evidence), ==, OFFER_SENTENCE);
  g_assert_cmpstr (nhs_article_get_id (nhs_evidence_get_article (evidence)), ==, nhs_article_get_id (article));
  g_assert_nonnull (strstr (with_figure, "\"value\": 7,"));

  /* one undo gives back the file byte for byte, and redo the figure */
  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures);
  g_assert_null (nhs_dataset_lookup_figure (ds, "fig-pay-offer-resident-2026-02-20"));
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 0);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, with_article);
  g_assert_true (nhs_document_redo (doc));
  redone = document_text (doc);
  g_assert_cmpstr (redone, ==, with_figure);
  g_assert_true (nhs_dataset_lookup_figure (ds, "fig-pay-offer-resident-2026-02-20") == figure);

  /* undo both: the article goes too, as the figure's quotes went first */
  g_assert_true (nhs_document_undo (doc));
  g_assert_true (nhs_document_undo (doc));
  g_assert_false (nhs_document_can_undo (doc));
  g_signal_handlers_disconnect_by_func (figures, items_changed_cb, log);
}

static void
test_figure_more_evidence (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  GListModel *figures = nhs_dataset_get_figures (ds);
  guint n_figures = g_list_model_get_n_items (figures);
  g_autoptr(NhsImportedArticle) in = imported ("New offer", "2023-12-05", NULL,
                                               "The government offered resident doctors a 3% pay rise on top of the award.");
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autofree char *with_article = NULL, *undone = NULL;
  NhsFigure *known = nhs_dataset_lookup_figure (ds, "fig-offer-rd-2023-12");
  guint n_evidence = nhs_figure_get_evidence (known)->len;
  NhsArticle *article;
  NhsCandidate *offer;
  NhsEvidence *last;

  article = nhs_document_import_article (doc, in, &error);
  g_assert_no_error (error);
  with_article = document_text (doc);
  offer = find_figure_candidate (doc, article, &candidates);
  g_assert_cmpstr (offer->matches, ==, "fig-offer-rd-2023-12");

  g_assert_true (nhs_document_accept_figure_candidate (doc, article, offer, &error) == known);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures);
  g_assert_cmpuint (nhs_figure_get_evidence (known)->len, ==, n_evidence + 1);
  last = g_ptr_array_index (nhs_figure_get_evidence (known), n_evidence);
  g_assert_true (nhs_evidence_get_article (last) == article);
  g_assert_cmpstr (nhs_evidence_get_quote (last), ==, offer->quote);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 1);

  saved = reload (doc);
  g_assert_cmpuint (nhs_figure_get_evidence (nhs_dataset_lookup_figure (saved, "fig-offer-rd-2023-12"))->len,
                    ==, n_evidence + 1);

  /* accepting it twice cites it once */
  g_assert_null (nhs_document_accept_figure_candidate (doc, article, offer, &error));
  g_assert_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_ALREADY_CITED);
  g_clear_error (&error);

  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (nhs_figure_get_evidence (known)->len, ==, n_evidence);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 0);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, with_article);
  g_assert_true (nhs_document_undo (doc));
  g_assert_false (nhs_document_can_undo (doc));
}

/* A figure the loader would refuse changes nothing, and says why */
static void
test_figure_checked (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  guint n_figures = g_list_model_get_n_items (nhs_dataset_get_figures (ds));
  g_autofree char *before = document_text (doc), *after = NULL;
  g_autoptr(NhsJsonItem) object = nhs_json_item_new_object ();
  g_autoptr(GError) error = NULL;

  nhs_json_object_replace (object, "id", nhs_json_item_new_string ("fig-new"), NULL);
  nhs_json_object_replace (object, "metric", nhs_json_item_new_string ("pay-offer"), NULL);
  nhs_json_object_replace (object, "group", nhs_json_item_new_string ("nurses"), NULL);
  nhs_json_object_replace (object, "date", nhs_json_item_new_string ("2026-02-20"), NULL);
  nhs_json_object_replace (object, "value", nhs_json_item_new_int (4), NULL);
  nhs_json_object_replace (object, "unit", nhs_json_item_new_string ("percent"), NULL);
  g_assert_null (nhs_document_add_figure_object (doc, object, "Add Figure", &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==, "there is no group with the id “nurses”");
  g_clear_error (&error);

  /* an id the dataset has */
  nhs_json_item_free (nhs_json_object_replace (object, "group", nhs_json_item_new_string ("resident"), NULL));
  nhs_json_item_free (nhs_json_object_replace (object, "id", nhs_json_item_new_string ("fig-offer-rd-2023-12"), NULL));
  g_assert_null (nhs_document_add_figure_object (doc, object, "Add Figure", &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_DUPLICATE);

  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_figures (ds)), ==, n_figures);
  g_assert_false (nhs_document_can_undo (doc));
  after = document_text (doc);
  g_assert_cmpstr (after, ==, before);
}

static void
test_article_ids (void)
{
  g_autoptr(NhsDocument) doc = load_bundled ();
  NhsDataset *ds = nhs_document_get_dataset (doc);
  g_autofree char *plain = nhs_document_make_article_id (ds, "Doctors’ pay: what’s next?", NULL);
  g_autofree char *nothing = nhs_document_make_article_id (ds, "—", NULL);
  g_autofree char *taken = NULL;
  g_autoptr(NhsArticle) first = g_list_model_get_item (nhs_dataset_get_articles (ds), 0);
  g_autofree char *first_day = g_date_time_format (nhs_article_get_published (first), "%Y-%m-%d");

  g_assert_cmpstr (plain, ==, "art-doctors-pay-whats-next");
  g_assert_cmpstr (nothing, ==, "art-article");
  /* a bundled id: "art-2024-01-25-consultants-reject-offer" */
  taken = nhs_document_make_article_id (ds, "Consultants reject offer", first_day);
  g_assert_cmpstr (taken, ==, "art-2024-01-25-consultants-reject-offer-2");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document-import/article", test_import_article);
  g_test_add_func ("/document-import/already-there", test_already_there);
  g_test_add_func ("/document-import/incomplete", test_incomplete);
  g_test_add_func ("/document-import/accept-new-event", test_accept_new_event);
  g_test_add_func ("/document-import/more-evidence", test_more_evidence);
  g_test_add_func ("/document-import/figure-refused", test_figure_refused);
  g_test_add_func ("/document-import/accept-new-figure", test_accept_new_figure);
  g_test_add_func ("/document-import/figure-more-evidence", test_figure_more_evidence);
  g_test_add_func ("/document-import/figure-checked", test_figure_checked);
  g_test_add_func ("/document-import/article-ids", test_article_ids);
  return g_test_run ();
}
