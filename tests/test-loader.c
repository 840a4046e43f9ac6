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
#include "test-util.h"

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

/* The loader shares one GDateTime among all the events that give the same
 * text; here each time is worked out afresh, the plain way, near clock
 * changes in zones with odd rules (Sao Paulo moved its clocks at midnight,
 * Lord Howe by half an hour). */
static GDateTime *
expected_time (GTimeZone *tz, const char *text, gboolean *is_date)
{
  int y, mo, d, h = 0, mi = 0;
  double sec = 0;
  g_autoptr(GTimeZone) offset = NULL;
  g_autoptr(GDateTime) dt = NULL;
  const char *zone_part = NULL;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &mo, &d), ==, 3);
  *is_date = strlen (text) == 10;
  if (!*is_date)
    {
      g_assert_cmpint (sscanf (text + 11, "%d:%d", &h, &mi), ==, 2);
      if (text[16] == ':')
        sec = g_ascii_strtod (text + 17, NULL);
      zone_part = text + strcspn (text + 11, "Z+-") + 11;
      if (*zone_part)
        offset = g_time_zone_new_identifier (zone_part);
    }
  dt = g_date_time_new (offset ? offset : tz, y, mo, d, h, mi, sec);
  return g_date_time_to_timezone (dt, tz);
}

static gint64
expected_us (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static void
test_times_across_clock_changes (void)
{
  const char *zones[] = { "Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe", "America/New_York" };
  const char *days[] = { "2018-11-04", "2023-03-26", "2023-10-29", "2023-04-02", "2023-10-01", "2024-03-10" };
  const char *times[] = { "", "T00:00", "T00:30", "T01:00", "T01:30", "T02:00", "T02:30", "T03:00",
                          "T07:00", "T23:59", "T01:30:15.25", "T01:30+05:30", "T02:15Z" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = NULL;
      guint n = 0;

      g_string_append_printf (json, "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\","
                              "\"timezone\":\"%s\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[", zones[z]);
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        for (guint t = 0; t < G_N_ELEMENTS (times); t++)
          {
            /* a strike from the time to the end of the day, and a talk from
             * the start of the day to the time (local times only) */
            g_string_append_printf (json, "%s{\"id\":\"s%u\",\"kind\":\"strike\",\"groups\":[\"a\"],"
                                    "\"start\":\"%s%s\",\"end\":\"%s\",\"title\":\"S\"}",
                                    n ? "," : "", n, days[d], times[t], days[d]);
            n++;
            if (strpbrk (times[t], "Z+") == NULL)
              {
                g_string_append_printf (json, ",{\"id\":\"s%u\",\"kind\":\"talks\",\"groups\":[\"a\"],"
                                        "\"start\":\"%s\",\"end\":\"%s%s\",\"title\":\"S\"}",
                                        n, days[d], days[d], times[t]);
                n++;
              }
          }
      g_string_append (json, "]}");

      bytes = g_bytes_new (json->str, json->len);
      ds = nhs_dataset_load_bytes (bytes, "clocks.json", NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, n);

      n = 0;
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        for (guint t = 0; t < G_N_ELEMENTS (times); t++)
          {
            g_autofree char *start_text = g_strconcat (days[d], times[t], NULL);
            g_autofree char *id = g_strdup_printf ("s%u", n++);
            NhsEvent *event = nhs_dataset_lookup_event (ds, id);
            gboolean start_is_date, end_is_date;
            g_autoptr(GDateTime) start = expected_time (tz, start_text, &start_is_date);
            g_autoptr(GDateTime) end = expected_time (tz, days[d], &end_is_date);
            g_autoptr(GDateTime) after = g_date_time_add_days (end, 1);

            g_test_message ("%s %s", zones[z], start_text);
            g_assert_true (g_date_time_equal (nhs_event_get_start (event), start));
            g_assert_cmpint (g_date_time_get_hour (nhs_event_get_start (event)), ==, g_date_time_get_hour (start));
            g_assert_cmpint (g_date_time_get_minute (nhs_event_get_start (event)), ==, g_date_time_get_minute (start));
            g_assert_cmpint (nhs_event_get_start_us (event), ==, expected_us (start));
            g_assert_cmpint (nhs_event_get_start_is_date (event), ==, start_is_date);
            g_assert_true (g_date_time_equal (nhs_event_get_end (event), end));
            g_assert_true (nhs_event_get_end_is_date (event));
            /* a date-only end runs to the start of the next day */
            g_assert_cmpint (nhs_event_get_end_us (event), ==, expected_us (after));

            if (strpbrk (times[t], "Z+") == NULL)
              {
                g_autofree char *talk_id = g_strdup_printf ("s%u", n++);
                NhsEvent *talk = nhs_dataset_lookup_event (ds, talk_id);
                g_autoptr(GDateTime) day = expected_time (tz, days[d], &start_is_date);

                g_assert_true (g_date_time_equal (nhs_event_get_start (talk), day));
                g_assert_true (g_date_time_equal (nhs_event_get_end (talk), start));
                g_assert_cmpint (nhs_event_get_end_us (talk), ==,
                                 t == 0 ? expected_us (after) : expected_us (start));
              }
          }
    }
}

static void
test_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_test_file ("fixture.json", &error);
  struct { GListModel *model; GType type; guint n; } lists[] = {
    { nhs_dataset_get_groups (ds), NHS_TYPE_GROUP, 3 },
    { nhs_dataset_get_sources (ds), NHS_TYPE_SOURCE, 1 },
    { nhs_dataset_get_articles (ds), NHS_TYPE_ARTICLE, 1 },
    { nhs_dataset_get_events (ds), NHS_TYPE_EVENT, 11 },
    { nhs_dataset_get_figures (ds), NHS_TYPE_FIGURE, 2 },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GObject *last;

      g_assert_true (g_list_model_get_item_type (lists[i].model) == lists[i].type);
      g_assert_cmpuint (g_list_model_get_n_items (lists[i].model), ==, lists[i].n);
      g_assert_null (g_list_model_get_item (lists[i].model, lists[i].n));
      last = g_list_model_get_item (lists[i].model, lists[i].n - 1);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (last, lists[i].type));
      g_object_unref (last);
    }
  /* the events list and the borrowed accessor agree */
  for (guint i = 0; i < 11; i++)
    {
      g_autoptr(NhsEvent) event = g_list_model_get_item (nhs_dataset_get_events (ds), i);
      g_assert_true (event == nhs_dataset_get_event (ds, i));
    }
}

/* A dataset this large is freed in a thread of its own: what the caller
 * still holds (an event, the events list) stays alive and whole */
static void
test_free_large (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\","
                                          "\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsEvent) first = NULL;
  g_autoptr(NhsEvent) last = NULL;
  g_autoptr(GListModel) events = NULL;
  NhsDataset *ds;
  const guint n = 25000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\":\"e%05u\",\"kind\":\"talks\",\"groups\":[\"a\"],"
                            "\"start\":\"2024-01-01T10:00\",\"title\":\"Talk %u\"}", i ? "," : "", i, i);
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);
  ds = nhs_dataset_load_bytes (bytes, "large.json", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  first = g_object_ref (nhs_dataset_get_event (ds, 0));
  last = g_object_ref (nhs_dataset_get_event (ds, n - 1));
  events = g_object_ref (nhs_dataset_get_events (ds));
  g_object_unref (ds);

  g_assert_cmpstr (nhs_event_get_title (first), ==, "Talk 0");
  g_assert_cmpstr (nhs_event_get_title (last), ==, "Talk 24999");
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n);
  for (guint i = 0; i < n; i += 997)
    {
      g_autoptr(NhsEvent) event = g_list_model_get_item (events, i);
      g_autofree char *title = g_strdup_printf ("Talk %u", i);
      g_assert_cmpstr (nhs_event_get_title (event), ==, title);
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
                                   "REFERENCE", "QUOTE", "VALUE" };
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
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(GError) error = NULL;

  ds = test_load_file_async (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
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
  g_test_add_func ("/loader/lists", test_lists);
  g_test_add_func ("/loader/free-large", test_free_large);
  g_test_add_func ("/loader/times-across-clock-changes", test_times_across_clock_changes);
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
