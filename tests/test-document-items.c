/* test-document-items.c: editing figures, groups, sources and articles
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-document.h"
#include "nhs-document-items.h"
#include "nhs-json-tree.h"

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

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The saved text, read back by the loader */
static NhsDataset *
reload (NhsDocument *doc)
{
  g_autoptr(GBytes) bytes = nhs_document_to_bytes (doc);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_bytes (bytes, "saved.json", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

/* The lines of a and b that differ, as "-old\n+new\n" pairs */
static char *
changed_lines (const char *a,
               const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i]; i++)
    if (strcmp (la[i], lb[i]) != 0)
      g_string_append_printf (out, "-%s\n+%s\n", la[i], lb[i]);
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint position, removed, added, calls;
} Changed;

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->calls++;
}

static void
undo_all (NhsDocument *doc)
{
  while (nhs_document_can_undo (doc))
    g_assert_true (nhs_document_undo (doc));
}

/* One value changes one line, in place; the figure stays the same object;
 * undo gives back the same bytes and redo the edit */
static void
test_figure_value (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsFigure *figure = nhs_dataset_lookup_figure (ds, "fig-1");
  g_autofree char *before = document_text (doc), *after = NULL, *diff = NULL, *undone = NULL, *redone = NULL;
  g_autoptr(NhsJsonItem) value = nhs_json_item_new_double (9.1);
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  Changed changed = { 0 };

  g_signal_connect (nhs_dataset_get_figures (ds), "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_true (nhs_document_set_figure (doc, figure, NHS_FIGURE_FIELD_VALUE, value, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nhs_dataset_lookup_figure (ds, "fig-1") == figure);
  g_assert_cmpfloat (nhs_figure_get_value (figure), ==, 9.1);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Change of Value");
  g_assert_true (nhs_document_get_modified (doc));

  after = document_text (doc);
  diff = changed_lines (before, after);
  g_assert_cmpstr (diff, ==, "-      \"value\": 8.8,\n+      \"value\": 9.1,\n");
  saved = reload (doc);
  g_assert_cmpfloat (nhs_figure_get_value (nhs_dataset_lookup_figure (saved, "fig-1")), ==, 9.1);

  /* the same value again is no edit */
  g_assert_true (nhs_document_set_figure (doc, figure, NHS_FIGURE_FIELD_VALUE, value, NULL, &error));
  g_assert_cmpuint (changed.calls, ==, 1);

  g_assert_true (nhs_document_undo (doc));
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpfloat (nhs_figure_get_value (figure), ==, 8.8);
  g_assert_false (nhs_document_get_modified (doc));
  g_assert_true (nhs_document_redo (doc));
  redone = document_text (doc);
  g_assert_cmpstr (redone, ==, after);
  g_assert_cmpfloat (nhs_figure_get_value (figure), ==, 9.1);
  g_signal_handlers_disconnect_by_func (nhs_dataset_get_figures (ds), items_changed_cb, &changed);
}

/* Every field of a figure, set then taken away: the loader reads back what
 * was set; unknown keys stay; undo gives back the same bytes */
static void
test_figure_fields (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsFigure *figure = nhs_dataset_lookup_figure (ds, "fig-2");
  g_autofree char *before = document_text (doc), *after = NULL, *undone = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  NhsFigure *reread;
  struct { NhsFigureField field; const char *text; } strings[] = {
    { NHS_FIGURE_FIELD_METRIC, "pay-offer" },
    { NHS_FIGURE_FIELD_UNIT, "percent" },
    { NHS_FIGURE_FIELD_GROUP, "consultant" },
    { NHS_FIGURE_FIELD_DATE, "2024-01-25" },
    { NHS_FIGURE_FIELD_PERIOD, "2024/25" },
    { NHS_FIGURE_FIELD_BASIS, "average" },
    { NHS_FIGURE_FIELD_CLAIMANT, "government" },
    { NHS_FIGURE_FIELD_LABEL, "Offer of January" },
    { NHS_FIGURE_FIELD_EVENT, "ev-a" },
  };
  g_autoptr(NhsJsonItem) value = nhs_json_item_new_int (4);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(NhsJsonItem) item = nhs_json_item_new_string (strings[i].text);

      g_assert_true (nhs_document_set_figure (doc, figure, strings[i].field, item, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (nhs_document_set_figure (doc, figure, NHS_FIGURE_FIELD_VALUE, value, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (nhs_figure_get_metric (figure), ==, NHS_FIGURE_METRIC_PAY_OFFER);
  g_assert_cmpint (nhs_figure_get_unit (figure), ==, NHS_FIGURE_UNIT_PERCENT);
  g_assert_true (nhs_figure_get_group (figure) == nhs_dataset_lookup_group (ds, "consultant"));
  g_assert_true (nhs_figure_get_event (figure) == nhs_dataset_lookup_event (ds, "ev-a"));
  g_assert_cmpstr (nhs_figure_get_label (figure), ==, "Offer of January");
  g_assert_cmpfloat (nhs_figure_get_value (figure), ==, 4);

  after = document_text (doc);
  /* members it lacked go before the first that comes after them in the
   * format's order, or last; the unknown key stays where it was */
  g_assert_nonnull (strstr (after,
    "      \"id\": \"fig-2\",\n"
    "      \"metric\": \"pay-offer\",\n"
    "      \"group\": \"consultant\",\n"
    "      \"date\": \"2024-01-25\",\n"
    "      \"period\": \"2024/25\",\n"
    "      \"value\": 4,\n"
    "      \"unit\": \"percent\",\n"
    "      \"x-last\": -0.5,\n"
    "      \"basis\": \"average\",\n"
    "      \"claimant\": \"government\",\n"
    "      \"label\": \"Offer of January\",\n"
    "      \"event\": \"ev-a\"\n"));

  saved = reload (doc);
  reread = nhs_dataset_lookup_figure (saved, "fig-2");
  g_assert_cmpint (nhs_figure_get_metric (reread), ==, NHS_FIGURE_METRIC_PAY_OFFER);
  g_assert_cmpstr (nhs_group_get_id (nhs_figure_get_group (reread)), ==, "consultant");
  g_assert_cmpstr (nhs_event_get_id (nhs_figure_get_event (reread)), ==, "ev-a");
  g_assert_cmpstr (nhs_figure_get_period (reread), ==, "2024/25");
  g_assert_cmpstr (nhs_figure_get_basis (reread), ==, "average");
  g_assert_cmpstr (nhs_figure_get_claimant (reread), ==, "government");
  date = g_date_time_format (nhs_figure_get_date (reread), "%Y-%m-%d");
  g_assert_cmpstr (date, ==, "2024-01-25");

  /* an optional member taken away */
  g_assert_true (nhs_document_set_figure (doc, figure, NHS_FIGURE_FIELD_GROUP, NULL, NULL, &error));
  g_assert_null (nhs_figure_get_group (figure));
  g_assert_null (nhs_document_get_figure_member (doc, figure, "group"));

  undo_all (doc);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (nhs_figure_get_metric (figure), ==, NHS_FIGURE_METRIC_COST);
  g_assert_null (nhs_figure_get_group (figure));
  g_assert_null (nhs_figure_get_event (figure));
}

/* What the loader refuses is refused with its message and the key at
 * fault; nothing changes */
static void
test_figure_refused (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsFigure *figure = nhs_dataset_lookup_figure (nhs_document_get_dataset (doc), "fig-1");
  g_autofree char *before = document_text (doc), *after = NULL;
  struct { NhsFigureField field; NhsJsonItem *value; const char *key; const char *message; } cases[] = {
    { NHS_FIGURE_FIELD_UNIT, nhs_json_item_new_string ("furlongs"), "unit", "“furlongs”" },
    { NHS_FIGURE_FIELD_GROUP, nhs_json_item_new_string ("nobody"), "group",
      "there is no group with the id “nobody”" },
    { NHS_FIGURE_FIELD_EVENT, nhs_json_item_new_string ("no-such-event"), "event",
      "there is no event with the id “no-such-event”" },
    { NHS_FIGURE_FIELD_DATE, nhs_json_item_new_string ("2024-02-30"), "date", "“2024-02-30” is not a valid date" },
    { NHS_FIGURE_FIELD_DATE, NULL, "date", "date" },
    { NHS_FIGURE_FIELD_VALUE, nhs_json_item_new_string ("8.8"), "value", "number" },
    { NHS_FIGURE_FIELD_METRIC, nhs_json_item_new_string ("mood"), "metric", "“mood”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *fail_key = NULL;

      g_assert_false (nhs_document_set_figure (doc, figure, cases[i].field, cases[i].value, &fail_key, &error));
      g_assert_error (error, NHS_DATASET_ERROR, error->code);
      g_assert_cmpstr (fail_key, ==, cases[i].key);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
      /* the message is the loader's, without the file and the path */
      g_assert_null (strstr (error->message, "$.figures"));
      nhs_json_item_free (cases[i].value);
    }
  after = document_text (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (nhs_document_can_undo (doc));
  g_assert_cmpfloat (nhs_figure_get_value (figure), ==, 8.8);
  g_assert_cmpstr (nhs_group_get_id (nhs_figure_get_group (figure)), ==, "resident");
}

/* New, duplicate and delete; a delete in the middle; undo of all of it */
static void
test_figure_new_duplicate_delete (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  GListModel *figures = nhs_dataset_get_figures (ds);
  NhsFigure *first = nhs_dataset_lookup_figure (ds, "fig-1");
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-1");
  g_autofree char *before = document_text (doc), *undone = NULL, *text = NULL;
  g_autoptr(NhsJsonItem) top_up = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  NhsFigure *added, *copy, *adds;

  added = nhs_document_add_figure (doc, "2024-05-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_figure_get_id (added), ==, "new-figure");
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "New Figure");
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 3);

  copy = nhs_document_duplicate_figure (doc, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_figure_get_id (copy), ==, "fig-1-copy");
  g_assert_cmpfloat (nhs_figure_get_value (copy), ==, 8.8);
  g_assert_cmpuint (nhs_figure_get_evidence (copy)->len, ==, 1);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Duplicate Figure");

  saved = reload (doc);
  g_assert_nonnull (nhs_dataset_lookup_figure (saved, "new-figure"));
  g_assert_cmpfloat (nhs_figure_get_value (nhs_dataset_lookup_figure (saved, "fig-1-copy")), ==, 8.8);
  g_clear_object (&saved);

  /* a figure that cites an article: deleting it takes it from the
   * article's citations */
  g_assert_true (nhs_document_cite_article_for_figure (doc, first, article, "a record", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, article)->len, ==, 2);

  /* another figure adds to it: refused, in plain words */
  {
    const char *json = "{\"id\": \"fig-top\", \"metric\": \"pay-offer\", \"date\": \"2024-01-01\","
                       " \"value\": 1, \"unit\": \"percent\", \"adds-to\": \"fig-1\"}";
    top_up = nhs_json_item_parse (json, strlen (json), 8, &error);
  }
  g_assert_no_error (error);
  adds = nhs_document_add_figure_object (doc, top_up, "Add", &error);
  g_assert_no_error (error);
  g_assert_false (nhs_document_delete_figure (doc, first, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==, "The figure “fig-top” adds to this one; change or delete that figure first");
  g_clear_error (&error);
  g_assert_true (nhs_document_delete_figure (doc, adds, &error));
  g_assert_no_error (error);

  g_assert_true (nhs_document_delete_figure (doc, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Delete Figure");
  g_assert_null (nhs_dataset_lookup_figure (ds, "fig-1"));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 3);
  {
    g_autoptr(NhsFigure) now_first = g_list_model_get_item (figures, 0);
    g_assert_cmpstr (nhs_figure_get_id (now_first), ==, "fig-2");
  }
  g_assert_cmpuint (nhs_dataset_get_citations (ds, article)->len, ==, 1);
  text = document_text (doc);
  g_assert_null (strstr (text, "\"fig-1\""));
  saved = reload (doc);
  g_assert_null (nhs_dataset_lookup_figure (saved, "fig-1"));
  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_figures (saved)), ==, 3);

  /* a figure after the deleted one is still edited in its own place */
  {
    g_autoptr(NhsJsonItem) value = nhs_json_item_new_int (7);
    g_assert_true (nhs_document_set_figure (doc, copy, NHS_FIGURE_FIELD_VALUE, value, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (nhs_figure_get_value (copy), ==, 7);
  }

  g_assert_true (nhs_document_undo (doc));
  g_assert_true (nhs_document_undo (doc));
  g_assert_true (nhs_dataset_lookup_figure (ds, "fig-1") == first);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, article)->len, ==, 2);
  g_assert_true (g_ptr_array_index (nhs_dataset_get_citations (ds, article), 1) == first);
  undo_all (doc);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 2);
}

/* A group's name, short name and colour; the colour by the loader's rule */
static void
test_group (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsGroup *group = nhs_dataset_lookup_group (ds, "resident");
  g_autofree char *before = document_text (doc), *after = NULL, *undone = NULL;
  g_autoptr(NhsJsonItem) name = nhs_json_item_new_string ("Resident doctors in England");
  g_autoptr(NhsJsonItem) short_name = nhs_json_item_new_string ("RDs");
  g_autoptr(NhsJsonItem) color = nhs_json_item_new_string ("#33D17A");
  g_autoptr(NhsJsonItem) bad_color = nhs_json_item_new_string ("blue");
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  Changed changed = { 0 };

  g_signal_connect (nhs_dataset_get_groups (ds), "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_false (nhs_document_set_group (doc, group, NHS_GROUP_FIELD_COLOR, bad_color, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "“blue” is not a colour of the form #rrggbb");
  g_clear_error (&error);
  g_assert_false (nhs_document_set_group (doc, group, NHS_GROUP_FIELD_NAME, NULL, &error));
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);
  g_assert_cmpuint (changed.calls, ==, 0);
  g_assert_false (nhs_document_can_undo (doc));

  g_assert_true (nhs_document_set_group (doc, group, NHS_GROUP_FIELD_NAME, name, &error));
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Change of Name");
  g_assert_true (nhs_document_set_group (doc, group, NHS_GROUP_FIELD_SHORT_NAME, short_name, &error));
  g_assert_true (nhs_document_set_group (doc, group, NHS_GROUP_FIELD_COLOR, color, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Change of Colour");
  g_assert_true (nhs_dataset_lookup_group (ds, "resident") == group);
  g_assert_cmpstr (nhs_group_get_name (group), ==, "Resident doctors in England");
  g_assert_cmpstr (nhs_group_get_short_name (group), ==, "RDs");
  /* the loader keeps colours in lower case; the file keeps what was set */
  g_assert_cmpstr (nhs_group_get_color (group), ==, "#33d17a");
  g_assert_cmpuint (changed.calls, ==, 3);
  g_assert_cmpuint (changed.position, ==, 0);

  after = document_text (doc);
  /* the short name the file had not goes before the colour, as the format
   * lists them; the unknown key stays */
  g_assert_nonnull (strstr (after,
    "      \"id\": \"resident\",\n"
    "      \"x-group\": \"group extra\",\n"
    "      \"name\": \"Resident doctors in England\",\n"
    "      \"short_name\": \"RDs\",\n"
    "      \"color\": \"#33D17A\"\n"));
  saved = reload (doc);
  g_assert_cmpstr (nhs_group_get_short_name (nhs_dataset_lookup_group (saved, "resident")), ==, "RDs");

  undo_all (doc);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (nhs_group_get_name (group), ==, "Resident doctors");
  g_assert_cmpstr (nhs_group_get_color (group), ==, "#1c71d8");
  g_signal_handlers_disconnect_by_func (nhs_dataset_get_groups (ds), items_changed_cb, &changed);
}

/* A source's fields, by the loader's rules */
static void
test_source (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsSource *source = nhs_dataset_lookup_source (ds, "src-bma");
  g_autofree char *before = document_text (doc), *after = NULL, *undone = NULL, *published = NULL;
  g_autoptr(NhsJsonItem) title = nhs_json_item_new_string ("BMA strike notice");
  g_autoptr(NhsJsonItem) publisher = nhs_json_item_new_string ("British Medical Association");
  g_autoptr(NhsJsonItem) url = nhs_json_item_new_string ("https://www.bma.org.uk/notice");
  g_autoptr(NhsJsonItem) date = nhs_json_item_new_string ("2024-02-01");
  g_autoptr(NhsJsonItem) bad_date = nhs_json_item_new_string ("1 Feb");
  g_autoptr(NhsJsonItem) kind = nhs_json_item_new_string ("news");
  g_autoptr(NhsJsonItem) bad_kind = nhs_json_item_new_string ("rumour");
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_PUBLISHED, bad_date, &error));
  g_assert_cmpstr (error->message, ==, "“1 Feb” is not a valid date (expected YYYY-MM-DD)");
  g_clear_error (&error);
  g_assert_false (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_KIND, bad_kind, &error));
  g_assert_nonnull (strstr (error->message, "“rumour”"));
  g_clear_error (&error);
  g_assert_false (nhs_document_can_undo (doc));

  g_assert_true (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_TITLE, title, &error));
  g_assert_true (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_PUBLISHER, publisher, &error));
  g_assert_true (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_URL, url, &error));
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Change of Address");
  g_assert_true (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_PUBLISHED, date, &error));
  g_assert_true (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_KIND, kind, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_source_get_title (source), ==, "BMA strike notice");
  g_assert_cmpstr (nhs_source_get_publisher (source), ==, "British Medical Association");
  g_assert_cmpstr (nhs_source_get_url (source), ==, "https://www.bma.org.uk/notice");
  g_assert_cmpint (nhs_source_get_kind (source), ==, NHS_SOURCE_KIND_NEWS);
  published = g_date_time_format (nhs_source_get_published (source), "%Y-%m-%d");
  g_assert_cmpstr (published, ==, "2024-02-01");

  after = document_text (doc);
  g_assert_nonnull (strstr (after,
    "      \"id\": \"src-bma\",\n"
    "      \"title\": \"BMA strike notice\",\n"
    "      \"x-source\": true,\n"
    "      \"publisher\": \"British Medical Association\",\n"
    "      \"url\": \"https://www.bma.org.uk/notice\",\n"
    "      \"published\": \"2024-02-01\",\n"
    "      \"kind\": \"news\"\n"));
  saved = reload (doc);
  g_assert_cmpint (nhs_source_get_kind (nhs_dataset_lookup_source (saved, "src-bma")), ==, NHS_SOURCE_KIND_NEWS);

  /* without a title, the loader shows its address */
  g_assert_true (nhs_document_set_source (doc, source, NHS_SOURCE_FIELD_TITLE, NULL, &error));
  g_assert_cmpstr (nhs_source_get_title (source), ==, "https://www.bma.org.uk/notice");

  undo_all (doc);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (nhs_source_get_title (source), ==, "BMA notice");
  g_assert_null (nhs_source_get_url (source));
}

/* An article something cites is refused, in plain words; one nothing
 * cites goes, in the middle of the list as at its end */
static void
test_delete_article (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsArticle *cited = nhs_dataset_lookup_article (ds, "art-1");
  NhsEvent *event = nhs_dataset_lookup_event (ds, "ev-b");
  NhsEvent *other = nhs_dataset_lookup_event (ds, "ev-a");
  g_autofree char *before = document_text (doc), *text = NULL, *undone = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  NhsArticle *second;

  g_assert_false (nhs_document_delete_article (doc, cited, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==,
                   "The event “ev-b” cites this article (1 item in all); remove that evidence first");
  g_clear_error (&error);
  g_assert_false (nhs_document_can_undo (doc));

  second = nhs_document_add_article (doc, "art-2", "Second", NULL, NULL, NULL, "Talks resume on Monday.", &error);
  g_assert_no_error (error);
  /* nothing cites art-1 once its evidence is gone */
  g_assert_true (nhs_document_set_event (doc, event, NHS_EVENT_FIELD_EVIDENCE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nhs_document_delete_article (doc, cited, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Delete Article");
  g_assert_null (nhs_dataset_lookup_article (ds, "art-1"));
  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_articles (ds)), ==, 1);
  g_assert_cmpuint (nhs_article_get_index (second), ==, 0);

  /* the article after it moved up: citing it files the quote under it */
  g_assert_true (nhs_document_cite_article (doc, other, second, "Talks resume", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, second)->len, ==, 1);
  g_assert_true (g_ptr_array_index (nhs_dataset_get_citations (ds, second), 0) == other);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, second)->len, ==, 1);

  text = document_text (doc);
  g_assert_null (strstr (text, "\"art-1\""));
  saved = reload (doc);
  g_assert_null (nhs_dataset_lookup_article (saved, "art-1"));
  g_assert_cmpuint (nhs_dataset_get_citations (saved, nhs_dataset_lookup_article (saved, "art-2"))->len, ==, 1);

  undo_all (doc);
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (nhs_dataset_lookup_article (ds, "art-1") == cited);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, cited)->len, ==, 1);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, cited)->len, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document-items/figure-value", test_figure_value);
  g_test_add_func ("/document-items/figure-fields", test_figure_fields);
  g_test_add_func ("/document-items/figure-refused", test_figure_refused);
  g_test_add_func ("/document-items/figure-new-duplicate-delete", test_figure_new_duplicate_delete);
  g_test_add_func ("/document-items/group", test_group);
  g_test_add_func ("/document-items/source", test_source);
  g_test_add_func ("/document-items/delete-article", test_delete_article);
  return g_test_run ();
}
