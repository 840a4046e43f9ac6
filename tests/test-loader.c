/* test-loader.c: the dataset loader and every rule of the format
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-enums.h"

static NhsDataset *
load_test_file (const char *name,
                GError    **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return nhs_dataset_load_file (file, NULL, error);
}

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_test_file ("minimal.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_assert_cmpstr (nhs_dataset_get_title (ds), ==, "Minimal");
  g_assert_cmpstr (nhs_dataset_get_timezone_id (ds), ==, "Europe/London");
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_groups (ds)), ==, 1);
  g_assert_false (nhs_dataset_get_time_bounds (ds, NULL, NULL));
}

static void
test_fixture_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_test_file ("fixture.json", &error);
  g_autofree char *start = NULL;
  NhsEvent *event, *talks;
  NhsFigure *figure;
  NhsEvidence *ev;
  NhsArticle *article;
  GPtrArray *citations;
  const char *body;
  g_autofree char *quoted = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 11);

  /* ordered by start */
  g_assert_cmpstr (nhs_event_get_id (nhs_dataset_get_event (ds, 0)), ==, "ballot-rd");
  g_assert_cmpstr (nhs_event_get_id (nhs_dataset_get_event (ds, 10)), ==, "sas-dst");
  for (guint i = 1; i < nhs_dataset_get_n_events (ds); i++)
    g_assert_cmpint (nhs_event_get_start_us (nhs_dataset_get_event (ds, i - 1)), <=,
                     nhs_event_get_start_us (nhs_dataset_get_event (ds, i)));

  event = nhs_dataset_lookup_event (ds, "rd-2024-01");
  g_assert_nonnull (event);
  g_assert_cmpint (nhs_event_get_kind (event), ==, NHS_EVENT_KIND_STRIKE);
  g_assert_cmpint (nhs_event_get_status (event), ==, NHS_EVENT_STATUS_HAPPENED);
  start = g_date_time_format_iso8601 (nhs_event_get_start (event));
  g_assert_cmpstr (start, ==, "2024-01-03T07:00:00Z");
  g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 6);
  g_assert_cmpuint (nhs_event_get_groups (event)->len, ==, 1);
  g_assert_false (nhs_event_get_start_is_date (event));

  /* a date-time with an offset is moved into the dataset's zone */
  talks = nhs_dataset_lookup_event (ds, "talks-2024");
  g_assert_cmpint (g_date_time_get_hour (nhs_event_get_start (talks)), ==, 10);
  g_assert_nonnull (strstr (nhs_event_get_summary (talks), "<b>not</b>"));

  /* the joint walkout lists both groups */
  event = nhs_dataset_lookup_event (ds, "joint-2023-10");
  g_assert_cmpuint (nhs_event_get_groups (event)->len, ==, 2);
  g_assert_true (nhs_event_has_tag (event, "joint"));
  g_assert_false (nhs_event_has_tag (event, "mandate"));

  /* a date-only end runs to the end of that day */
  event = nhs_dataset_lookup_event (ds, "ballot-rd");
  g_assert_true (nhs_event_get_start_is_date (event));
  g_assert_true (nhs_event_get_end_is_date (event));
  g_assert_cmpint (nhs_event_get_end_us (event) - nhs_event_get_start_us (event), >, (gint64) 185 * 86400 * G_USEC_PER_SEC);
  g_assert_cmpuint (nhs_event_get_strike_days (event), ==, 0);
  g_assert_cmpstr (nhs_event_get_outcome (event), ==, "98% yes on 77.49% turnout");

  /* evidence: the quote's character range in the article body */
  event = nhs_dataset_lookup_event (ds, "rd-2024-01");
  ev = g_ptr_array_index (nhs_event_get_evidence (event), 0);
  article = nhs_evidence_get_article (ev);
  g_assert_cmpstr (nhs_article_get_id (article), ==, "art-feb");
  g_assert_true (nhs_evidence_get_owner (ev) == G_OBJECT (event));
  body = nhs_article_get_body (article);
  quoted = g_utf8_substring (body, nhs_evidence_get_quote_start (ev), nhs_evidence_get_quote_end (ev));
  g_assert_cmpstr (quoted, ==, "for six full days from January 3 to January 9");

  /* back-links from the article */
  citations = nhs_dataset_get_citations (ds, article);
  g_assert_cmpuint (citations->len, ==, 2);
  g_assert_cmpuint (nhs_dataset_get_article_quotes (ds, article)->len, ==, 2);
  /* quotes come in text order */
  g_assert_cmpint (nhs_evidence_get_quote_start (g_ptr_array_index (nhs_dataset_get_article_quotes (ds, article), 0)), <,
                   nhs_evidence_get_quote_start (g_ptr_array_index (nhs_dataset_get_article_quotes (ds, article), 1)));

  /* source evidence */
  ev = g_ptr_array_index (nhs_event_get_evidence (nhs_dataset_lookup_event (ds, "cons-a")), 0);
  g_assert_null (nhs_evidence_get_article (ev));
  g_assert_cmpstr (nhs_source_get_url (nhs_evidence_get_source (ev)), ==, "https://www.bma.org.uk/");
  g_assert_cmpint (nhs_source_get_kind (nhs_evidence_get_source (ev)), ==, NHS_SOURCE_KIND_UNION);

  figure = nhs_dataset_lookup_figure (ds, "award-2023-resident");
  g_assert_nonnull (figure);
  g_assert_cmpfloat_with_epsilon (nhs_figure_get_value (figure), 8.8, 1e-9);
  g_assert_cmpint (nhs_figure_get_metric (figure), ==, NHS_FIGURE_METRIC_PAY_AWARD);
  g_assert_cmpint (nhs_figure_get_unit (figure), ==, NHS_FIGURE_UNIT_PERCENT);
  g_assert_true (nhs_figure_get_event (figure) == nhs_dataset_lookup_event (ds, "award-2023"));
  g_assert_cmpstr (nhs_group_get_id (nhs_figure_get_group (figure)), ==, "resident");
  g_assert_cmpstr (nhs_figure_get_claimant (figure), ==, "government");
  {
    g_autofree char *formatted = nhs_figure_format_value (figure);
    g_assert_cmpstr (formatted, ==, "8.8%");
  }

  /* properties are readable through GObject */
  {
    g_autofree char *title = NULL;
    guint days = 0;
    g_object_get (nhs_dataset_lookup_event (ds, "rd-2024-02"), "title", &title, "strike-days", &days, NULL);
    g_assert_cmpstr (title, ==, "Five-day walkout");
    g_assert_cmpuint (days, ==, 5);
  }
}

static void
test_unknown_keys_ignored (void)
{
  const char *json = "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"future\":{\"x\":[1]},"
                     "\"groups\":[{\"id\":\"a\",\"name\":\"A\",\"mascot\":\"owl\"}],\"events\":[]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bytes (bytes, "inline.json", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
}

static void
test_bad_fixture (gconstpointer data)
{
  const char *line = data;
  g_auto(GStrv) parts = g_strsplit (line, " ", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autofree char *bad_path = g_build_filename ("bad", parts[0], NULL);

  ds = load_test_file (bad_path, &error);
  g_assert_null (ds);
  g_assert_nonnull (error);
  g_test_message ("%s → %s", parts[0], error->message);
  g_assert_true (error->domain == NHS_DATASET_ERROR);

  /* the code, by name, as CASES spells it */
  {
    static const char *names[] = { "IO", "TOO_LARGE", "ENCODING", "SYNTAX", "NOT_OBJECT", "FORMAT", "VERSION",
                                   "MISSING", "TYPE", "ENUM", "DATE", "TIMEZONE", "RANGE", "DUPLICATE",
                                   "REFERENCE", "QUOTE", "VALUE", "CANCELLED" };
    int expected = -1;
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      if (strcmp (names[i], parts[1]) == 0)
        expected = (int) i;
    g_assert_cmpint (expected, >=, 0);
    g_assert_cmpint (error->code, ==, expected);
  }

  /* the message names the file, and the JSON path where there is one */
  g_assert_true (g_str_has_prefix (error->message, parts[0]));
  if (strcmp (parts[2], "-") != 0)
    {
      g_autofree char *needle = g_strconcat (parts[2], ":", NULL);
      g_assert_nonnull (strstr (error->message, needle));
    }
}

static void
test_line_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_test_file ("bad/event-kind-unknown.json", &error);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "event-kind-unknown.json", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  int line = 0, column = 0;

  g_assert_null (ds);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* "event-kind-unknown.json:LINE:COL: $.events[3].kind: …" */
  g_assert_cmpint (sscanf (error->message, "event-kind-unknown.json:%d:%d:", &line, &column), ==, 2);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpint (line, <=, (int) g_strv_length (lines));
  /* the column points at the value "riot" on that line */
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (lines[line - 1], column - 1), "\"riot\""));
}

static void
test_syntax_error_position (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_test_file ("bad/not-json.json", &error);

  g_assert_null (ds);
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX);
  /* json-glib's line:col, with our file name in front */
  g_assert_true (g_str_has_prefix (error->message, "not-json.json:1:"));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dataset.json");
  g_autoptr(NhsDataset) ds = nhs_dataset_load_file (file, NULL, &error);

  g_assert_null (ds);
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "dataset.json"));
}

static void
load_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  NhsDataset **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = nhs_dataset_load_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDataset) ds = NULL;

  nhs_dataset_load_file_async (file, NULL, NULL, NULL, load_async_cb, &ds);
  while (ds == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 11);
  g_assert_true (nhs_dataset_get_file (ds) == file || g_file_equal (nhs_dataset_get_file (ds), file));
}

int
main (int argc, char *argv[])
{
  g_autofree char *cases_path = NULL;
  g_autofree char *cases = NULL;
  g_auto(GStrv) lines = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/minimal", test_minimal);
  g_test_add_func ("/loader/fixture-values", test_fixture_values);
  g_test_add_func ("/loader/unknown-keys-ignored", test_unknown_keys_ignored);
  g_test_add_func ("/loader/line-column", test_line_column);
  g_test_add_func ("/loader/syntax-error-position", test_syntax_error_position);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/async", test_async);

  cases_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "CASES", NULL);
  if (!g_file_get_contents (cases_path, &cases, NULL, NULL))
    g_error ("cannot read %s", cases_path);
  lines = g_strsplit (cases, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *name = NULL;
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      name = g_strdup_printf ("/loader/bad/%.*s", (int) strcspn (lines[i], " "), lines[i]);
      g_test_add_data_func (name, lines[i], test_bad_fixture);
    }

  return g_test_run ();
}
