/* test-cli.c: the headless command line, run as a person would run it
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-util.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Runs nhs-dispute with the arguments (NULL-terminated), no display */
static void
run (Run *r, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, r);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  r->status = test_run_cli (NULL, (const char * const *) args->pdata, &r->out, &r->err);
}

static void
test_version (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "nhs-dispute "));
}

static void
test_help (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--list-events"));
  g_assert_nonnull (strstr (r.out, "--export-chart"));
}

static void
test_check_good (void)
{
  g_autofree char *path = fixture ("fixture.json");
  g_auto(Run) r = { 0 };

  run (&r, "--check-dataset", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "fixture.json: valid (11 events, 2 figures, 1 article)\n");
}

static void
test_check_bad_fixtures (void)
{
  g_autofree char *cases_path = fixture ("bad/CASES");
  g_autofree char *cases = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (cases_path, &cases, NULL, NULL));
  lines = g_strsplit (cases, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *path = NULL;
      g_auto(Run) r = { 0 };

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      parts = g_strsplit (lines[i], " ", 3);
      path = g_test_build_filename (G_TEST_DIST, "data", "bad", parts[0], NULL);
      run (&r, "--check-dataset", path, NULL);
      if (r.status != 1)
        g_error ("%s: exit %d, expected 1", parts[0], r.status);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_true (g_str_has_prefix (r.err, parts[0]));
      if (strcmp (parts[2], "-") != 0)
        g_assert_nonnull (strstr (r.err, parts[2]));
      n++;
    }
  g_assert_cmpuint (n, >=, 30);
}

static void
test_list_csv (void)
{
  g_autofree char *path = fixture ("fixture.json");
  g_autofree char *arg = g_strconcat ("--dataset=", path, NULL);
  g_auto(Run) r = { 0 };

  run (&r, arg, "--list-events", "--format=csv", "--group=consultant", "--kind=strike", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "id,kind,groups,start,end,strike_days,title\r\n"
                   "cons-a,strike,consultant,2023-07-20T07:00:00+01:00,2023-07-22T07:00:00+01:00,2,Consultants strike (BMA)\r\n"
                   "cons-b,strike,consultant,2023-07-21T07:00:00+01:00,2023-07-23T07:00:00+01:00,2,\"Consultants strike (other union), overlapping\"\r\n"
                   "joint-2023-10,strike,resident;consultant,2023-10-02T07:00:00+01:00,2023-10-05T07:00:00+01:00,3,Joint walkout\r\n");
}

static void
test_list_csv_dates_and_empty_days (void)
{
  g_autofree char *path = fixture ("fixture.json");
  g_auto(Run) r = { 0 };

  run (&r, "--dataset", path, "--list-events", "--format=csv", "--kind=ballot", "--kind=pay-award", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "id,kind,groups,start,end,strike_days,title\r\n"
                   "ballot-rd,ballot,resident,2023-02-20,2023-08-24,,Junior doctors vote for strikes\r\n"
                   "award-2023,pay-award,resident;consultant;sas,2023-07-13,,,Pay award 2023/24\r\n");
}

static void
test_list_json (void)
{
  g_autofree char *path = fixture ("fixture.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) r = { 0 };
  JsonArray *array;
  JsonObject *obj;

  run (&r, "--dataset", path, "--list-events", "--format=json", "--search=six", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  obj = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "id"), ==, "rd-2024-01");
  g_assert_cmpstr (json_object_get_string_member (obj, "kind"), ==, "strike");
  g_assert_cmpstr (json_object_get_string_member (obj, "start"), ==, "2024-01-03T07:00:00+00:00");
  g_assert_cmpstr (json_object_get_string_member (obj, "end"), ==, "2024-01-09T07:00:00+00:00");
  g_assert_cmpint (json_object_get_int_member (obj, "strike_days"), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (obj, "groups"), 0), ==, "resident");
  g_assert_cmpstr (json_object_get_string_member (obj, "summary"), ==, "The longest strike in NHS history.");
  obj = json_array_get_object_element (json_object_get_array_member (obj, "evidence"), 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "article"), ==, "art-feb");
  g_assert_cmpstr (json_object_get_string_member (obj, "quote"), ==, "for six full days from January 3 to January 9");
}

static void
test_list_table (void)
{
  g_autofree char *path = fixture ("fixture.json");
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;

  run (&r, "--dataset", path, "--list-events", "--from=2024-02-01", "--to=2024-02-29", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "ID "));
  g_assert_nonnull (strstr (lines[0], "TITLE"));
  g_assert_true (g_str_has_prefix (lines[1], "rd-2024-02 "));
  g_assert_nonnull (strstr (lines[1], "2024-02-24 07:00"));
  g_assert_nonnull (strstr (lines[1], "Five-day walkout"));
  g_assert_cmpstr (lines[2], ==, "1 event");
}

static void
test_summary_json (void)
{
  g_autofree char *path = fixture ("fixture.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) r = { 0 };
  JsonObject *root;

  run (&r, "--dataset", path, "--summary", "--format=json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "resident"), "rounds"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "resident"), "strike_days"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "consultant"), "rounds"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "consultant"), "strike_days"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "sas"), "strike_days"), ==, 1);
}

static void
test_summary_table (void)
{
  g_autofree char *path = fixture ("fixture.json");
  g_auto(Run) r = { 0 };

  run (&r, "--dataset", path, "--summary", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "Test fixture\n"
                   "GROUP       ROUNDS  STRIKE_DAYS  NAME\n"
                   "resident         3           14  Resident doctors\n"
                   "consultant       2            6  Consultants\n"
                   "sas              1            1  SAS doctors\n"
                   "events: 11  figures: 2  articles: 1  sources: 1\n");
}

static void
test_usage_errors (void)
{
  const char *cases[][4] = {
    { "--bogus", NULL },
    { "--list-events", "--format=xml", NULL },
    { "--summary", "--format=csv", NULL },
    { "--list-events", "--kind=riot", NULL },
    { "--list-events", "--from=2024-13-01", NULL },
    { "--list-events", "--group=nurses", NULL },
    { "--list-events", "--summary", NULL },
    { "--search=x", NULL },
    { "--export-chart=x.png", "--scale=3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) r = { 0 };
      run (&r, cases[i][0], cases[i][1], cases[i][2], NULL);
      if (r.status != 2)
        g_error ("%s %s: exit %d, expected 2", cases[i][0], cases[i][1] ? cases[i][1] : "", r.status);
      g_assert_true (g_str_has_prefix (r.err, "nhs-dispute: "));
      g_assert_cmpstr (r.out, ==, "");
    }
}

static void
test_bad_dataset_exit_1 (void)
{
  g_autofree char *bad = fixture ("bad/end-before-start.json");
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };

  run (&r1, "--dataset", bad, "--list-events", NULL);
  g_assert_cmpint (r1.status, ==, 1);
  g_assert_nonnull (strstr (r1.err, "$.events[0].end"));
  g_assert_cmpstr (r1.out, ==, "");

  run (&r2, "--dataset", "/nonexistent/x.json", "--summary", NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "x.json"));
}

/* The issue's own example, on the bundled dataset */
static void
test_bundled_consultant_strikes (void)
{
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *expected_days[] = { "2", "2", "2", "3" };
  guint n = 0;

  run (&r, "--list-events", "--format=csv", "--group=consultant", "--kind=strike", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "id,kind,groups,start,end,strike_days,title");
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 7);
      g_assert_cmpstr (fields[1], ==, "strike");
      g_assert_nonnull (strstr (fields[2], "consultant"));
      if (!g_str_has_prefix (fields[3], "2023-"))
        continue;
      g_assert_cmpuint (n, <, 4);
      g_assert_cmpstr (fields[5], ==, expected_days[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check-good", test_check_good);
  g_test_add_func ("/cli/check-bad-fixtures", test_check_bad_fixtures);
  g_test_add_func ("/cli/list-csv", test_list_csv);
  g_test_add_func ("/cli/list-csv-dates-and-empty-days", test_list_csv_dates_and_empty_days);
  g_test_add_func ("/cli/list-json", test_list_json);
  g_test_add_func ("/cli/list-table", test_list_table);
  g_test_add_func ("/cli/summary-json", test_summary_json);
  g_test_add_func ("/cli/summary-table", test_summary_table);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/bad-dataset-exit-1", test_bad_dataset_exit_1);
  g_test_add_func ("/cli/bundled-consultant-strikes", test_bundled_consultant_strikes);

  return g_test_run ();
}
