/* test-document.c: editing, undoing and saving a dataset
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "nhs-dataset-loader.h"
#include "nhs-date-input.h"
#include "nhs-document.h"
#include "nhs-json-tree.h"
#include "test-mounts.h"
#include "test-tmpdir.h"

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

static GBytes *
data_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static char *
document_text (NhsDocument *doc)
{
  g_autoptr(GBytes) bytes = nhs_document_to_bytes (doc);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

/* The lines of a and b that differ, as "-old\n+new\n" pairs; the two must
 * have as many lines */
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

static NhsEvent *
event_by_id (NhsDocument *doc,
             const char  *id)
{
  NhsEvent *event = nhs_dataset_lookup_event (nhs_document_get_dataset (doc), id);

  g_assert_nonnull (event);
  return event;
}

/* Numbers and layout {{{ */

static void
assert_double (double      value,
               const char *expected)
{
  g_autoptr(GString) s = g_string_new (NULL);

  nhs_json_append_double (s, value);
  g_assert_cmpstr (s->str, ==, expected);
}

static void
test_doubles (void)
{
  /* json-glib writes 8.8 as 8.8000000000000007 */
  assert_double (8.8, "8.8");
  assert_double (-26.1, "-26.1");
  assert_double (10.0, "10.0");
  assert_double (0.1 + 0.2, "0.30000000000000004");
  assert_double (1e-05, "1e-05");
  assert_double (0.0001, "0.0001");
  assert_double (1e16, "1e+16");
  assert_double (1234567890123456.0, "1234567890123456.0");
  assert_double (1.5e300, "1.5e+300");
  assert_double (0.0, "0.0");
  g_assert_null (nhs_json_item_new_double (1.0 / 0.0));
}

/* The writer copies a number that is already written the shortest way
 * instead of formatting it again: the same text as formatting it, for
 * decimals of every shape (digits, zeros before and after, signs,
 * exponents) */
static void
test_numbers_as_written (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(GString) expected = g_string_new ("[");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(NhsJsonItem) root = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) number = g_string_new (NULL);
      guint int_digits = g_rand_int_range (rand, 0, 19);
      guint frac_digits = g_rand_int_range (rand, 1, 19);

      if (g_rand_boolean (rand))
        g_string_append_c (number, '-');
      if (int_digits == 0)
        g_string_append_c (number, '0');
      for (guint d = 0; d < int_digits; d++)
        g_string_append_c (number, '0' + g_rand_int_range (rand, d == 0 ? 1 : 0, 10));
      g_string_append_c (number, '.');
      for (guint d = 0; d < frac_digits; d++)
        /* runs of zeros, at either end or inside */
        g_string_append_c (number, g_rand_int_range (rand, 0, 3) == 0 ? '0' : '0' + g_rand_int_range (rand, 0, 10));
      if (g_rand_int_range (rand, 0, 8) == 0)
        g_string_append_printf (number, "e%d", g_rand_int_range (rand, -20, 20));

      g_string_append_printf (text, "%s%s", i ? "," : "", number->str);
      g_string_append (expected, i ? ",\n  " : "\n  ");
      nhs_json_append_double (expected, g_ascii_strtod (number->str, NULL));
    }
  g_string_append (text, "]");
  g_string_append (expected, "\n]\n");

  root = nhs_json_item_parse (text->str, text->len, 64, &error);
  g_assert_no_error (error);
  nhs_json_item_write (root, out);
  g_assert_cmpstr (out->str, ==, expected->str);
}

static void
test_layout (void)
{
  const char *text =
    "{\"b\":[1,2.50,-0,1E2,{}],\"a\":\"\\u00e9\\/\\u001f\\t\\\"\",\"c\":{\"x\":[],\"y\":null},"
    "\"b\":\"last\",\"d\":[true,false]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsJsonItem) root = nhs_json_item_parse (text, strlen (text), 64, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  nhs_json_item_write (root, out);
  /* a key given twice keeps its first place and its last value */
  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"b\": \"last\",\n"
                   "  \"a\": \"é/\\u001f\\t\\\"\",\n"
                   "  \"c\": {\n"
                   "    \"x\": [],\n"
                   "    \"y\": null\n"
                   "  },\n"
                   "  \"d\": [\n"
                   "    true,\n"
                   "    false\n"
                   "  ]\n"
                   "}\n");

  g_clear_pointer (&root, nhs_json_item_free);
  text = "[1,2.50,-0,1E2,{}]";
  root = nhs_json_item_parse (text, strlen (text), 64, &error);
  g_assert_no_error (error);
  g_string_truncate (out, 0);
  nhs_json_item_write (root, out);
  g_assert_cmpstr (out->str, ==, "[\n  1,\n  2.5,\n  0,\n  100.0,\n  {}\n]\n");
}

static void
test_parse_errors (void)
{
  const char *bad[] = { "{", "{\"a\":}", "{\"a\":1,}", "[01]", "{\"a\":\"\\ud800\"}", "{} x",
                        "\"top\"", "{\"a\":\"tab\there\"}", "[[[[1]]]]" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsJsonItem) root = nhs_json_item_parse (bad[i], strlen (bad[i]), 3, &error);

      g_assert_null (root);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

/* }}} */
/* Round trips {{{ */

static void
test_bundled_unchanged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDocument) doc = nhs_document_load_bundled (&error);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  original = g_resources_lookup_data (NHS_DATASET_BUNDLED_RESOURCE, 0, NULL);
  saved = nhs_document_to_bytes (doc);
  g_assert_true (g_bytes_equal (original, saved));
  g_assert_false (nhs_document_get_modified (doc));
  g_assert_null (nhs_document_get_file (doc));
}

/* A file with keys the app does not know at every level keeps them all, in
 * their places, through an edit: only the edited line changes */
static void
test_unknown_keys_kept (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");
  g_autofree char *before = g_strndup (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_autofree char *unchanged = document_text (doc);
  g_autofree char *after = NULL, *diff = NULL, *undone = NULL;
  g_autoptr(GError) error = NULL;
  NhsEvent *event = event_by_id (doc, "ev-b");

  g_assert_cmpstr (unchanged, ==, before);
  g_assert_true (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_TITLE, "Five-day walkout (edited)", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_event_get_title (event), ==, "Five-day walkout (edited)");

  after = document_text (doc);
  diff = changed_lines (before, after);
  g_assert_cmpstr (diff, ==,
                   "-      \"title\": \"Five-day walkout\",\n"
                   "+      \"title\": \"Five-day walkout (edited)\",\n");

  g_assert_true (nhs_document_undo (doc));
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (nhs_event_get_title (event), ==, "Five-day walkout");
  g_assert_false (nhs_document_get_modified (doc));
}

/* A one-field edit of the bundled dataset changes one line, and undo gives
 * back the same bytes */
static void
test_one_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDocument) doc = nhs_document_load_bundled (&error);
  g_autofree char *before = NULL, *after = NULL, *diff = NULL, *undone = NULL;
  NhsDataset *ds;
  NhsEvent *event = NULL;

  g_assert_no_error (error);
  ds = nhs_document_get_dataset (doc);
  before = document_text (doc);
  for (guint i = 0; i < nhs_dataset_get_n_events (ds) && event == NULL; i++)
    if (nhs_event_get_kind (nhs_dataset_get_event (ds, i)) == NHS_EVENT_KIND_STRIKE &&
        !nhs_event_get_start_is_date (nhs_dataset_get_event (ds, i)) &&
        nhs_event_get_end (nhs_dataset_get_event (ds, i)) != NULL)
      event = nhs_dataset_get_event (ds, i);
  g_assert_nonnull (event);

  {
    g_autofree char *start = g_date_time_format (nhs_event_get_start (event), "%Y-%m-%dT%H:%M");
    g_autofree char *earlier = NULL;
    g_autoptr(GDateTime) dt = g_date_time_add_days (nhs_event_get_start (event), -1);
    g_autofree char *old_line = NULL, *new_line = NULL, *expected = NULL;
    guint days = nhs_event_get_strike_days (event);

    earlier = g_date_time_format (dt, "%Y-%m-%dT%H:%M");
    g_assert_true (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_START, earlier, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (nhs_event_get_strike_days (event), ==, days + 1);
    g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Change of Start");
    g_assert_true (nhs_document_get_modified (doc));

    after = document_text (doc);
    diff = changed_lines (before, after);
    old_line = g_strdup_printf ("      \"start\": \"%s\",", start);
    new_line = g_strdup_printf ("      \"start\": \"%s\",", earlier);
    expected = g_strdup_printf ("-%s\n+%s\n", old_line, new_line);
    g_assert_cmpstr (diff, ==, expected);
  }

  g_assert_true (nhs_document_undo (doc));
  undone = document_text (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (nhs_document_get_modified (doc));
  g_assert_cmpstr (nhs_document_get_redo_name (doc), ==, "Change of Start");
  g_assert_true (nhs_document_redo (doc));
  g_assert_true (nhs_document_get_modified (doc));
}

/* }}} */
/* Editing {{{ */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Changed;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static guint
position_of (NhsDataset *ds,
             const char *id)
{
  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    if (g_str_equal (nhs_event_get_id (nhs_dataset_get_event (ds, i)), id))
      return i;
  g_assert_not_reached ();
  return 0;
}

/* An edit moves the event to its place in order, says so for exactly the
 * positions it crosses, and keeps the article's quotes in step */
static void
test_model_follows (void)
{
  g_autoptr(NhsDocument) doc = load_data ("fixture.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsEvent *event = event_by_id (doc, "rd-2024-02");
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-feb");
  guint before = position_of (ds, "rd-2024-02"), after;
  guint n = nhs_dataset_get_n_events (ds);
  Changed changed = { 0 };
  g_autoptr(GError) error = NULL;

  g_signal_connect (nhs_dataset_get_events (ds), "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 5);

  /* to the start of the dataset: before every other event */
  g_assert_true (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_START, "2020-01-01T07:00", &error));
  g_assert_no_error (error);
  after = position_of (ds, "rd-2024-02");
  g_assert_cmpuint (after, ==, 0);
  g_assert_true (nhs_dataset_get_event (ds, 0) == event);
  g_assert_cmpuint (nhs_event_get_index (event), ==, 0);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, before + 1);
  g_assert_cmpuint (changed.added, ==, before + 1);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (nhs_event_get_index (nhs_dataset_get_event (ds, i)), ==, i);
  g_assert_true (nhs_dataset_lookup_event (ds, "rd-2024-02") == event);
  /* the citations follow dataset order: the moved event now comes first */
  g_assert_true (g_ptr_array_index (nhs_dataset_get_citations (ds, article), 0) == (gpointer) event);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 2);
  g_assert_true (nhs_evidence_get_owner (g_ptr_array_index (nhs_event_get_evidence (event), 0)) == G_OBJECT (event));

  g_assert_true (nhs_document_undo (doc));
  g_assert_cmpuint (position_of (ds, "rd-2024-02"), ==, before);
  g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 5);
  g_assert_cmpuint (changed.count, ==, 2);

  /* a title keeps the place: one position changes */
  changed.count = 0;
  g_assert_true (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_TITLE, "Walkout", &error));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, before);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_nonnull (strstr (nhs_event_get_search_text (event), "walkout"));

  g_signal_handlers_disconnect_by_func (nhs_dataset_get_events (ds), items_changed_cb, &changed);
}

/* The loader's rules refuse an edit, with its words and the field at fault,
 * and nothing changes */
static void
test_refused (void)
{
  g_autoptr(NhsDocument) doc = load_data ("fixture.json");
  g_autofree char *before = document_text (doc);
  g_autofree char *after = NULL, *fail_key = NULL;
  g_autoptr(NhsJsonItem) value = NULL;
  g_autoptr(GError) error = NULL;
  NhsEvent *event = event_by_id (doc, "rd-2024-02");

  value = nhs_json_item_new_string ("2024-03-30T07:00");
  g_assert_false (nhs_document_set_event (doc, event, NHS_EVENT_FIELD_START, value, &fail_key, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "the event ends before it starts");
  g_assert_cmpstr (fail_key, ==, "end");
  g_clear_error (&error);
  g_clear_pointer (&fail_key, g_free);

  g_assert_false (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_START, "2024-02-30T07:00", &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_DATE);
  g_assert_true (g_str_has_prefix (error->message, "“2024-02-30T07:00” is not a valid date"));
  g_clear_error (&error);

  g_assert_false (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_KIND, "riot", &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_ENUM);
  g_clear_error (&error);

  g_assert_false (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_TITLE, NULL, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_MISSING);
  g_clear_error (&error);

  g_assert_false (nhs_document_set_event_strv (doc, event, NHS_EVENT_FIELD_GROUPS,
                                               (const char *[]) { "nurses", NULL }, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE);
  g_clear_error (&error);

  after = document_text (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (nhs_document_can_undo (doc));
  g_assert_false (nhs_document_get_modified (doc));
  g_assert_cmpstr (nhs_event_get_title (event), ==, "Five-day walkout");

  /* trying says what the event would be, and changes nothing */
  {
    g_autoptr(NhsJsonItem) end = nhs_json_item_new_string ("2024-03-02T07:00");
    g_autoptr(NhsEvent) tried = nhs_document_try_event (doc, event, NHS_EVENT_FIELD_END, end, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (nhs_event_get_strike_days (tried), ==, 7);
    g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 5);
  }
}

/* The dataset's first start and last end, as a walk over every event
 * finds them, after each edit */
static void
assert_bounds (NhsDataset *ds)
{
  gint64 start_us = 0, end_us = 0, min_us = G_MAXINT64, max_us = G_MININT64;

  g_assert_true (nhs_dataset_get_time_bounds (ds, &start_us, &end_us));
  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (ds, i);
      min_us = MIN (min_us, nhs_event_get_start_us (event));
      max_us = MAX (max_us, nhs_event_get_end_us (event));
    }
  g_assert_cmpint (start_us, ==, min_us);
  g_assert_cmpint (end_us, ==, max_us);
}

/* The bounds follow edits at either end, without walking every event
 * each time */
static void
test_time_bounds (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  g_autoptr(GError) error = NULL;
  NhsEvent *late, *early;
  gint64 end_before;

  assert_bounds (ds);
  g_assert_true (nhs_dataset_get_time_bounds (ds, NULL, &end_before));
  late = nhs_document_add_event (doc, "2030-01-01", &error);
  g_assert_no_error (error);
  assert_bounds (ds);
  g_assert_cmpint (nhs_event_get_end_us (late), >, end_before);
  early = nhs_document_add_event (doc, "2001-01-01", &error);
  g_assert_no_error (error);
  assert_bounds (ds);
  /* the event that ends last moves earlier: another holds the end */
  g_assert_true (nhs_document_set_event_text (doc, late, NHS_EVENT_FIELD_START, "2003-05-01", &error));
  assert_bounds (ds);
  g_assert_true (nhs_document_set_event_text (doc, late, NHS_EVENT_FIELD_START, "2031-05-01", &error));
  assert_bounds (ds);
  g_assert_true (nhs_document_delete_event (doc, late, &error));
  assert_bounds (ds);
  g_assert_true (nhs_document_delete_event (doc, early, &error));
  assert_bounds (ds);
  while (nhs_document_undo (doc))
    assert_bounds (ds);
  while (nhs_document_redo (doc))
    assert_bounds (ds);
}

static void
test_new_duplicate_delete (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  g_autofree char *before = document_text (doc);
  g_autofree char *text = NULL;
  NhsDataset *ds = nhs_document_get_dataset (doc);
  g_autoptr(GError) error = NULL;
  NhsEvent *added, *copy;

  added = nhs_document_add_event (doc, "2025-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_event_get_id (added), ==, "new-event");
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 3);
  g_assert_true (nhs_dataset_get_event (ds, 2) == added);
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "New Event");

  copy = nhs_document_duplicate_event (doc, event_by_id (doc, "ev-a"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_event_get_id (copy), ==, "ev-a-copy");
  g_assert_cmpstr (nhs_event_get_title (copy), ==, "Talks \"open\" \\ again");
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 4);
  text = document_text (doc);
  /* the copy follows its original in the file, the new event comes last */
  g_assert_true (strstr (text, "\"ev-a\"") < strstr (text, "\"ev-a-copy\""));
  g_assert_true (strstr (text, "\"ev-a-copy\"") < strstr (text, "\"new-event\""));

  /* a figure refers to ev-b: it stays */
  g_assert_false (nhs_document_delete_event (doc, event_by_id (doc, "ev-b"), &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE);
  g_clear_error (&error);
  g_assert_true (nhs_document_delete_event (doc, event_by_id (doc, "ev-a"), &error));
  g_assert_no_error (error);
  g_assert_null (nhs_dataset_lookup_event (ds, "ev-a"));
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 3);

  while (nhs_document_can_undo (doc))
    nhs_document_undo (doc);
  g_clear_pointer (&text, g_free);
  text = document_text (doc);
  g_assert_cmpstr (text, ==, before);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 2);
  g_assert_nonnull (nhs_dataset_lookup_event (ds, "ev-a"));
  g_assert_null (nhs_dataset_lookup_event (ds, "ev-a-copy"));

  /* and all of it again */
  while (nhs_document_can_redo (doc))
    nhs_document_redo (doc);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 3);
  g_assert_null (nhs_dataset_lookup_event (ds, "ev-a"));
  g_assert_nonnull (nhs_dataset_lookup_event (ds, "ev-a-copy"));
}

static void
test_cite (void)
{
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  NhsDataset *ds = nhs_document_get_dataset (doc);
  NhsArticle *article = nhs_dataset_lookup_article (ds, "art-1");
  NhsEvent *event = event_by_id (doc, "ev-a");
  const char *quote = "the tenth walkout – “a record”, says the union.\tTabs\001 stay";
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *evidence;

  g_assert_false (nhs_document_cite_article (doc, event, article, "not in the article", &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_QUOTE);
  g_clear_error (&error);

  g_assert_true (nhs_document_cite_article (doc, event, article, quote, &error));
  g_assert_no_error (error);
  evidence = nhs_event_get_evidence (event);
  g_assert_cmpuint (evidence->len, ==, 2);
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (evidence, 1)), ==, quote);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 2);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, article)->len, ==, 2);

  /* the saved text holds the quote exactly, and the loader takes it */
  bytes = nhs_document_to_bytes (doc);
  reloaded = nhs_dataset_load_bytes (bytes, "cited.json", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  evidence = nhs_event_get_evidence (nhs_dataset_lookup_event (reloaded, "ev-a"));
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (evidence, 1)), ==, quote);
}

/* }}} */
/* Saving {{{ */

static void
test_save (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *text = NULL, *saved = NULL;
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  doc = nhs_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (nhs_document_get_file (doc), file));

  g_assert_true (nhs_document_set_event_text (doc, event_by_id (doc, "ev-a"), NHS_EVENT_FIELD_OUTCOME, "Agreed", &error));
  g_assert_true (nhs_document_get_modified (doc));
  g_assert_true (nhs_document_save (doc, &error));
  g_assert_no_error (error);
  g_assert_false (nhs_document_get_modified (doc));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  text = document_text (doc);
  g_assert_cmpstr (saved, ==, text);
  /* the new member goes where the format lists it: after the summary */
  g_assert_nonnull (strstr (saved, "\"summary\": \"Line one\\nline two – é ü 中\",\n      \"outcome\": \"Agreed\",\n      \"tags\""));

  /* undo past the save: modified again; redo back to it: not */
  nhs_document_undo (doc);
  g_assert_true (nhs_document_get_modified (doc));
  nhs_document_redo (doc);
  g_assert_false (nhs_document_get_modified (doc));

  test_remove_tree (dir);
}

/* An event's evidence with a key the app does not know whose value is
 * depth arrays one in the other */
static NhsJsonItem *
deep_evidence (guint depth)
{
  NhsJsonItem *evidence = nhs_json_item_new_array ();
  NhsJsonItem *citation = nhs_json_item_new_object ();
  NhsJsonItem *deep = nhs_json_item_new_array ();

  for (guint i = 1; i < depth; i++)
    {
      NhsJsonItem *outer = nhs_json_item_new_array ();
      nhs_json_array_insert (outer, 0, deep);
      deep = outer;
    }
  nhs_json_object_replace (citation, "source", nhs_json_item_new_string ("src-bma"), NULL);
  nhs_json_object_replace (citation, "x-deep", deep, NULL);
  nhs_json_array_insert (evidence, 0, citation);
  return evidence;
}

/* A save loads the whole text again only when an edit since the last
 * check could break a rule its own check does not see. The loader reads
 * an item alone one level less deep than in a file: an edit nested as
 * deep as that check allows passes it, and the file it would make is
 * refused; so the save is */
static void
test_save_checks_whole_file (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *after = NULL, *saved = NULL, *text = NULL;
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsJsonItem) evidence = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NhsDataset) reloaded = NULL;
  NhsEvent *event;
  guint depth;
  gsize len;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  doc = nhs_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  event = event_by_id (doc, "ev-a");

  /* the deepest evidence the check of one event takes */
  for (depth = 1; depth < 2 * NHS_DATASET_MAX_DEPTH; depth++)
    {
      g_autoptr(NhsJsonItem) deeper = deep_evidence (depth + 1);
      g_autoptr(NhsEvent) built = nhs_document_try_event (doc, event, NHS_EVENT_FIELD_EVIDENCE, deeper, NULL, NULL);

      if (built == NULL)
        break;
    }
  g_assert_cmpuint (depth, <, 2 * NHS_DATASET_MAX_DEPTH);
  evidence = deep_evidence (depth);
  g_assert_true (nhs_document_set_event (doc, event, NHS_EVENT_FIELD_EVIDENCE, evidence, NULL, &error));
  g_assert_no_error (error);

  /* the file it would make is refused by the loader… */
  bytes = nhs_document_to_bytes (doc);
  reloaded = nhs_dataset_load_bytes (bytes, "data.json", NULL, NULL, NULL, &error);
  g_assert_null (reloaded);
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX);
  g_clear_error (&error);

  /* …so the save is, and the file stays as it was */
  g_assert_false (nhs_document_save (doc, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "The dataset was not saved, as it would not open again: "));
  g_clear_error (&error);
  g_assert_true (nhs_document_get_modified (doc));
  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpmem (after, len, g_bytes_get_data (original, NULL), g_bytes_get_size (original));

  /* undone, it saves; and edits after a save that checked the whole
   * text save what they say */
  nhs_document_undo (doc);
  g_assert_true (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_TITLE, "Checked", &error));
  g_assert_true (nhs_document_save (doc, &error));
  g_assert_no_error (error);
  g_assert_true (nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_OUTCOME, "Agreed", &error));
  g_assert_true (nhs_document_save (doc, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  text = document_text (doc);
  g_assert_cmpstr (saved, ==, text);
  g_clear_pointer (&reloaded, g_object_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (saved, strlen (saved));
  reloaded = nhs_dataset_load_bytes (bytes, "data.json", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_event_get_outcome (nhs_dataset_lookup_event (reloaded, "ev-a")), ==, "Agreed");

  test_remove_tree (dir);
}

/* A document made from the file read again (as the window makes one) is
 * not taken to load because the dataset did: the file may have changed
 * in between. Here it changed into one the loader refuses, with the same
 * events: an edit of one event passes its own check, and the save is
 * refused. */
static void
test_save_checks_text_read_again (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDataset) dataset = NULL;
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  gsize len;

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  dataset = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  /* the figure's group changed to one that does not exist */
  g_assert_cmpuint (g_string_replace (text, "\"group\": \"resident\"", "\"group\": \"nobody\"", 1), ==, 1);
  changed = g_string_free_to_bytes (g_steal_pointer (&text));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (changed, NULL), g_bytes_get_size (changed), NULL));

  doc = nhs_document_new (dataset, changed, &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_set_event_text (doc, event_by_id (doc, "ev-a"), NHS_EVENT_FIELD_TITLE, "Mine", &error));
  g_assert_false (nhs_document_save (doc, &error));
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE);
  g_assert_true (nhs_document_get_modified (doc));
  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpmem (after, len, g_bytes_get_data (changed, NULL), g_bytes_get_size (changed));
  test_remove_tree (dir);
}

static void
copy_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (nhs_document_write_copy_finish (NHS_DOCUMENT (source), result, error) && *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "written");
}

/* A copy written in a worker thread holds the text as it stands; one
 * cancelled is not written over one asked for later */
static void
test_write_copy (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "copy.json", NULL);
  g_autofree char *copy = NULL, *text = NULL, *later = NULL;
  g_autoptr(NhsDocument) doc = load_data ("round-trip.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) done = NULL;

  g_assert_true (nhs_document_set_event_text (doc, event_by_id (doc, "ev-a"), NHS_EVENT_FIELD_TITLE, "Copied", &error));
  nhs_document_write_copy_async (doc, path, NULL, copy_written_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&done);
  g_assert_true (g_file_get_contents (path, &copy, NULL, NULL));
  text = document_text (doc);
  g_assert_cmpstr (copy, ==, text);
  g_assert_true (nhs_document_get_modified (doc));

  /* asked for, cancelled, then one written at once after another edit */
  nhs_document_write_copy_async (doc, path, cancellable, copy_written_cb, &done);
  g_cancellable_cancel (cancellable);
  g_assert_true (nhs_document_set_event_text (doc, event_by_id (doc, "ev-a"), NHS_EVENT_FIELD_TITLE, "Later", &error));
  g_assert_true (nhs_document_write_copy (doc, path, &error));
  g_assert_no_error (error);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (done, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&copy, g_free);
  g_assert_true (g_file_get_contents (path, &copy, NULL, NULL));
  later = document_text (doc);
  g_assert_cmpstr (copy, ==, later);
  test_remove_tree (dir);
}

#define EXIT_SKIP 77

/* Runs func in a child process; its exit status EXIT_SKIP skips the test.
 * The child's failed assertions abort it, and fail the test here. */
static void
run_in_child (void       (*func) (const char *dir),
              const char  *dir)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      func (dir);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SKIP)
    g_test_skip ("the system allows no private mount or change of user here");
  else if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_test_fail_printf ("the child process failed (status %d)", status);
}

/* Edits dir/data.json (a copy of round-trip.json) so that it grows by
 * extra bytes, saves, and checks the save failed with code, leaving the
 * old file and the document unsaved */
static void
assert_save_fails (const char *dir,
                   gsize       extra,
                   int         code)
{
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *after = NULL;
  g_autofree char *summary = g_strnfill (extra, 'x');
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  doc = nhs_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_set_event_text (doc, event_by_id (doc, "ev-a"), NHS_EVENT_FIELD_SUMMARY, summary, &error));
  g_assert_true (nhs_document_get_modified (doc));

  g_assert_false (nhs_document_save (doc, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_true (nhs_document_get_modified (doc));
  g_assert_true (g_file_get_contents (path, &after, &len, NULL));
  g_assert_cmpmem (after, len, g_bytes_get_data (original, NULL), g_bytes_get_size (original));
}

static void
read_only_folder_child (const char *dir)
{
  /* root writes anywhere: become nobody for this */
  if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (EXIT_SKIP);
  assert_save_fails (dir, 10, G_IO_ERROR_PERMISSION_DENIED);
}

static void
full_disk_child (const char *dir)
{
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);

  if (!enter_private_mounts () || mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    _exit (EXIT_SKIP);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  /* a megabyte into 64 KiB */
  assert_save_fails (dir, 1024 * 1024, G_IO_ERROR_NO_SPACE);
}

/* A file changed on disk since it was opened is not written over without
 * being asked */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *theirs = "{\"changed\": \"by someone else\"}\n";

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  doc = nhs_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_set_event_text (doc, event_by_id (doc, "ev-a"), NHS_EVENT_FIELD_TITLE, "Mine", &error));

  /* another program writes the file, dated later */
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  {
    struct utimbuf times = { time (NULL) + 2, time (NULL) + 2 };
    g_assert_cmpint (g_utime (path, &times), ==, 0);
  }
  g_assert_false (nhs_document_save (doc, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_cmpstr (error->message, ==, "data.json changed on disk since it was opened");
  g_clear_error (&error);
  g_assert_true (nhs_document_get_modified (doc));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);

  g_assert_true (nhs_document_save_overwriting (doc, &error));
  g_assert_no_error (error);
  g_assert_false (nhs_document_get_modified (doc));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "\"title\": \"Mine\""));

  /* saved: the next save needs no asking */
  g_assert_true (nhs_document_set_event_text (doc, event_by_id (doc, "ev-a"), NHS_EVENT_FIELD_TITLE, "Mine again", &error));
  g_assert_true (nhs_document_save (doc, &error));
  g_assert_no_error (error);
  test_remove_tree (dir);
}

/* A save that fails (a read-only folder, a full disk) leaves the file as
 * it was and the document unsaved */
static void
test_save_fails (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autoptr(GBytes) original = data_bytes ("round-trip.json");

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  run_in_child (read_only_folder_child, dir);
  test_remove_tree (dir);
}

static void
test_save_full_disk (void)
{
  g_autofree char *dir = test_make_tmpdir ();

  run_in_child (full_disk_child, dir);
  test_remove_tree (dir);
}

static void
test_save_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDocument) bundled = nhs_document_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_false (nhs_document_save (bundled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
}

/* A document from a recovery file opens unsaved, and saves into the file
 * it was editing */
static void
test_recovered (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) text = data_bytes ("round-trip.json");
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = nhs_document_new_recovered (text, file, &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_get_modified (doc));
  g_assert_false (nhs_document_can_undo (doc));
  g_assert_true (g_file_equal (nhs_document_get_file (doc), file));
  g_assert_true (nhs_document_save (doc, &error));
  g_assert_false (nhs_document_get_modified (doc));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpmem (saved, strlen (saved), g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  g_clear_object (&doc);

  /* the bundled dataset's changes are saved elsewhere */
  doc = nhs_document_new_recovered (text, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (nhs_document_get_file (doc));
  g_assert_true (nhs_document_get_modified (doc));
  test_remove_tree (dir);
}

/* }}} */
/* The command line {{{ */

static char *
run_cli (const char * const *args,
         int                *status,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("NHS_DISPUTE_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err, &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static void
test_cli_save_as (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *out1 = g_build_filename (dir, "one.json", NULL);
  g_autofree char *out2 = g_build_filename (dir, "two.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *arg1 = g_strdup_printf ("--save-as=%s", out1);
  g_autofree char *arg2 = g_strdup_printf ("--save-as=%s", out2);
  g_autofree char *in1 = g_strdup_printf ("--dataset=%s", out1);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autofree char *in_fixture = g_strdup_printf ("--dataset=%s", fixture);
  g_autofree char *in_bad = g_strdup_printf ("--dataset=%s", bad);
  g_autofree char *one = NULL, *two = NULL, *bundled = NULL, *fixture_text = NULL;
  gsize len1, len2, len_bundled;
  int status;

  if (g_getenv ("NHS_DISPUTE_BIN") == NULL)
    {
      g_test_skip ("NHS_DISPUTE_BIN is not set");
      return;
    }

  /* the bundled dataset is stored in the canonical layout */
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *data = g_test_build_filename (G_TEST_DIST, "..", "data", "dataset", "nhs-dispute.json", NULL);

    out = run_cli ((const char *[]) { arg1, NULL }, &status, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_file_get_contents (out1, &one, &len1, NULL));
    g_assert_true (g_file_get_contents (data, &bundled, &len_bundled, NULL));
    g_assert_cmpmem (one, len1, bundled, len_bundled);
    g_clear_pointer (&one, g_free);
  }

  /* a file in another layout is rewritten once, then stays */
  {
    g_autofree char *out = NULL, *err = NULL;

    out = run_cli ((const char *[]) { in_fixture, arg1, NULL }, &status, &err);
    g_assert_cmpint (status, ==, 0);
    g_free (out);
    g_free (err);
    out = run_cli ((const char *[]) { in1, arg2, NULL }, &status, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (out1, &one, &len1, NULL));
    g_assert_true (g_file_get_contents (out2, &two, &len2, NULL));
    g_assert_true (g_file_get_contents (fixture, &fixture_text, NULL, NULL));
    g_assert_cmpstr (one, !=, fixture_text);
    g_assert_cmpmem (one, len1, two, len2);
  }

  /* bad input: the loader's message, exit 1, nothing written */
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *after = NULL;

    g_assert_true (g_file_set_contents (bad, "{\"format\": \"nhs-dispute-dataset\", \"version\": 2}", -1, NULL));
    out = run_cli ((const char *[]) { in_bad, arg1, NULL }, &status, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "bad.json"));
    g_assert_nonnull (strstr (err, "version 2"));
    g_assert_true (g_file_get_contents (out1, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, one);
  }
  test_remove_tree (dir);
}

/* }}} */
/* Dates as people type them {{{ */

static void
test_date_input (void)
{
  const struct { const char *text; const char *expected; } good[] = {
    { "24 Feb 2024 07:00", "2024-02-24T07:00" },
    { "2024-02-24T07:00", "2024-02-24T07:00" },
    { "24/02/2024", "2024-02-24" },
    { "  24/02/2024 23:59 ", "2024-02-24T23:59" },
    { "2024-02-24 07:00", "2024-02-24T07:00" },
    { "24 February 2024, 7am", "2024-02-24T07:00" },
    { "24 Sept 2024", "2024-09-24" },
    { "Feb 28, 2024 11.59pm", "2024-02-28T23:59" },
    { "28 feb 2024 at 12am", "2024-02-28T00:00" },
    { "3 January 2024 0700", "2024-01-03T07:00" },
    { "2024-02-24", "2024-02-24" },
    { "2024-02-24T07:00:30+01:00", "2024-02-24T07:00:30+01:00" },
  };
  const char *bad[] = { "", "tomorrow", "24 Fbr 2024", "30/02/2024", "24/02/24", "24 Feb 2024 25:00",
                        "24 Feb 2024 7", "24 Feb 2024 13pm", "2024/02/24", "24 Feb 2024 07:00 BST" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *parsed = nhs_date_input_parse (good[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (parsed, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *parsed = nhs_date_input_parse (bad[i], &error);

      if (parsed != NULL)
        g_error ("“%s” read as %s", bad[i], parsed);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/doubles", test_doubles);
  g_test_add_func ("/document/numbers-as-written", test_numbers_as_written);
  g_test_add_func ("/document/layout", test_layout);
  g_test_add_func ("/document/parse-errors", test_parse_errors);
  g_test_add_func ("/document/bundled-unchanged", test_bundled_unchanged);
  g_test_add_func ("/document/unknown-keys-kept", test_unknown_keys_kept);
  g_test_add_func ("/document/one-line", test_one_line);
  g_test_add_func ("/document/model-follows", test_model_follows);
  g_test_add_func ("/document/refused", test_refused);
  g_test_add_func ("/document/new-duplicate-delete", test_new_duplicate_delete);
  g_test_add_func ("/document/time-bounds", test_time_bounds);
  g_test_add_func ("/document/cite", test_cite);
  g_test_add_func ("/document/save", test_save);
  g_test_add_func ("/document/save-checks-whole-file", test_save_checks_whole_file);
  g_test_add_func ("/document/save-checks-text-read-again", test_save_checks_text_read_again);
  g_test_add_func ("/document/write-copy", test_write_copy);
  g_test_add_func ("/document/save-read-only-folder", test_save_fails);
  g_test_add_func ("/document/save-full-disk", test_save_full_disk);
  g_test_add_func ("/document/save-bundled", test_save_bundled);
  g_test_add_func ("/document/recovered", test_recovered);
  g_test_add_func ("/document/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/document/cli-save-as", test_cli_save_as);
  g_test_add_func ("/document/date-input", test_date_input);
  return g_test_run ();
}
