/* test-robust.c: bad input, huge input and failing disks, at the core level
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display: the loader, the writers and nhs_write_file_atomic() against
 * what a hostile or unlucky world hands them. The window's share (markup in
 * widgets, settings, the app after a failed export) is tested with the
 * window.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nhs-chart-export.h"
#include "nhs-chart-model.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-event-filter.h"
#include "nhs-event-writer.h"
#include "nhs-stats.h"
#include "test-csv.h"
#include "test-tmpdir.h"
#include "test-util.h"

#define MINIMAL_HEAD "{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"T\",\n" \
                     " \"groups\": [{\"id\": \"g\", \"name\": \"G\"}],\n"

/* Helpers {{{ */

/* The text in a buffer of exactly its length (no NUL after it), so that
 * AddressSanitizer catches any read past the end */
static NhsDataset *
load_text (const char *text,
           gsize       len,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_memdup2 (text, len), len);

  return nhs_dataset_load_bytes (bytes, "inline.json", NULL, NULL, NULL, error);
}

static NhsDataset *
load_string (const char *text,
             GError    **error)
{
  return load_text (text, strlen (text), error);
}

/* A valid dataset around these events (a JSON array's inside) and any
 * further top-level members */
static char *
dataset_text (const char *events,
              const char *more)
{
  return g_strdup_printf (MINIMAL_HEAD " \"events\": [%s]%s%s}\n", events, more ? ",\n " : "", more ? more : "");
}

/* A dataset of one strike, "e", from start to end (NULL: none) */
static char *
one_strike_text (const char *start,
                 const char *end)
{
  g_autofree char *end_member = end ? g_strdup_printf (", \"end\": \"%s\"", end) : g_strdup ("");
  g_autofree char *event = g_strdup_printf ("{\"id\": \"e\", \"kind\": \"strike\", \"groups\": [\"g\"], "
                                            "\"title\": \"E\", \"start\": \"%s\"%s}", start, end_member);

  return dataset_text (event, NULL);
}

static NhsDataset *
load_one_strike (const char *start,
                 const char *end)
{
  g_autofree char *text = one_strike_text (start, end);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = load_string (text, &error);

  g_assert_no_error (error);
  return ds;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Writes head, count copies of chunk, then tail to the file at path */
static void
write_big_file (const char *path,
                const char *head,
                const char *chunk,
                gsize       count,
                const char *tail)
{
  FILE *out = fopen (path, "w");
  gsize len = strlen (chunk);

  g_assert_nonnull (out);
  fputs (head, out);
  for (gsize i = 0; i < count; i++)
    g_assert_cmpuint (fwrite (chunk, 1, len, out), ==, len);
  fputs (tail, out);
  g_assert_cmpint (fclose (out), ==, 0);
}

/* Loads the file at path, and says how long that took */
static NhsDataset *
load_timed (const char *path,
            double     *seconds,
            GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start = g_get_monotonic_time ();
  NhsDataset *ds = nhs_dataset_load_file (file, NULL, error);

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return ds;
}

static void
assert_error_at (GError     *error,
                 int         code,
                 const char *prefix,
                 const char *needle)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, NHS_DATASET_ERROR, code);
  if (prefix != NULL && !g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

/* Loads the text and checks that it is refused, with the code and words */
static void
assert_refused (const char *text,
                int         code,
                const char *prefix,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (text, &error);

  g_assert_null (ds);
  assert_error_at (error, code, prefix, needle);
}

/* }}} */
/* Fixtures that must load {{{ */

/* Loads each file of tests/data/SUBDIR (but CASES) and hands it to check;
 * returns how many there were */
static guint
load_each_fixture (const char *subdir,
                   void      (*check) (const char *name,
                                       NhsDataset *ds,
                                       GError     *error))
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = NULL;

      if (strcmp (name, "CASES") == 0)
        continue;
      g_test_message ("%s", name);
      ds = nhs_dataset_load_file (file, NULL, &error);
      check (name, ds, error);
      n++;
    }
  return n;
}

static void
check_loads (const char *name,
             NhsDataset *ds,
             GError     *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (ds);
}

/* Every refusal is text: UTF-8 that a label can show, naming the file */
static void
check_refused_in_words (const char *name,
                        NhsDataset *ds,
                        GError     *error)
{
  g_assert_null (ds);
  g_assert_nonnull (error);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("%s: the message is not UTF-8", name);
  g_assert_true (g_str_has_prefix (error->message, name));
}

/* tests/data/good: files at the edges of the format that load */
static void
test_good_fixtures (void)
{
  g_assert_cmpuint (load_each_fixture ("good", check_loads), >, 0);
}

static void
test_bad_fixture_messages (void)
{
  g_assert_cmpuint (load_each_fixture ("bad", check_refused_in_words), >, 40);
}

/* }}} */
/* Empty and huge {{{ */

static void
test_empty (void)
{
  const char *blanks[] = { "", " ", "   \n\t\r\n  " };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      assert_refused (blanks[i], NHS_DATASET_ERROR_SYNTAX, "inline.json: ", "the file is empty");
    }
}

/* 200 MB of blank lines with a stray word at the end: refused with its
 * line and column, in bounded time, without json-glib ever building a tree */
static void
test_200mb_garbage (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "garbage.json", NULL);
  g_autofree char *blanks = g_strnfill (1023, ' ');
  g_autofree char *line = g_strconcat (blanks, "\n", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  double rss_before, seconds;

  write_big_file (path, "{\"format\": \"nhs-dispute-dataset\",\n", line, 200 * 1024, "oops }\n");
  rss_before = peak_rss_mb ();
  ds = load_timed (path, &seconds, &error);
  g_test_message ("200 MB of blanks refused in %.2f s; peak memory grew by %.0f MB",
                  seconds, peak_rss_mb () - rss_before);

  g_assert_null (ds);
  /* line 1 is the header, then 204800 blank lines, then the word */
  expected = g_strdup_printf ("garbage.json:%d:1: the file is not valid JSON: “o” has no place here", 200 * 1024 + 2);
  assert_error_at (error, NHS_DATASET_ERROR_SYNTAX, expected, NULL);
  /* the file in memory (about once; reading it grows a buffer, and
   * AddressSanitizer keeps freed memory aside for a while), no tree */
  g_assert_cmpfloat (peak_rss_mb () - rss_before, <, 650);
  g_assert_cmpfloat (seconds, <, 60);

  test_remove_tree (dir);
}

/* A valid 200 MB dataset (one long description) loads, and the text
 * comes through whole */
static void
test_200mb_valid (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autofree char *chunk = g_strnfill (1024, 'a');
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  double seconds;
  const char *description;

  write_big_file (path,
                  "{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"Big\", \"description\": \"",
                  chunk, 200 * 1024,
                  "\", \"groups\": [{\"id\": \"g\", \"name\": \"G\"}], \"events\": []}\n");
  ds = load_timed (path, &seconds, &error);
  g_test_message ("a 200 MB dataset loaded in %.2f s; peak memory %.0f MB", seconds, peak_rss_mb ());

  g_assert_no_error (error);
  description = nhs_dataset_get_description (ds);
  g_assert_cmpuint (strlen (description), ==, 200 * 1024 * 1024);
  g_assert_true (description[0] == 'a' && description[200 * 1024 * 1024 - 1] == 'a');
  g_assert_cmpfloat (seconds, <, 120);

  g_clear_object (&ds);
  test_remove_tree (dir);
}

/* Beyond the limit: a sparse file (no disk used), refused before reading,
 * by each way in, with a message that gives the limit */
static void
test_over_limit (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int fd = open (path, O_CREAT | O_WRONLY, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, NHS_DATASET_MAX_SIZE + 1), ==, 0);
  close (fd);

  ds = nhs_dataset_load_file (file, NULL, &error);
  g_assert_null (ds);
  assert_error_at (error, NHS_DATASET_ERROR_TOO_LARGE, "huge.json is too large to open",
                   "(1025 MB; the limit is 1024 MB)");

  ds = test_load_file_async (file, NULL, NULL, NULL, &async_error);
  g_assert_null (ds);
  assert_error_at (async_error, NHS_DATASET_ERROR_TOO_LARGE, "huge.json is too large to open",
                   "the limit is 1024 MB");

  /* mapping costs nothing: the loader must not touch the pages */
  mapped = g_mapped_file_new (path, FALSE, NULL);
  g_assert_nonnull (mapped);
  bytes = g_mapped_file_get_bytes (mapped);
  ds = nhs_dataset_load_bytes (bytes, "mapped.json", NULL, NULL, NULL, &bytes_error);
  g_assert_null (ds);
  assert_error_at (bytes_error, NHS_DATASET_ERROR_TOO_LARGE, "mapped.json is too large to open",
                   "the limit is 1024 MB");

  test_remove_tree (dir);
}

/* }}} */
/* Nesting {{{ */

static char *
nested (const char *before,
        guint       depth,
        const char *after)
{
  GString *s = g_string_new (before);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, after);
  return g_string_free (s, FALSE);
}

static void
test_deep_nesting (void)
{
  /* json-glib's parser recurses per level: each of these, let through,
   * overflows the stack */
  const struct { const char *before, *after; int code; const char *says; } cases[] = {
    { MINIMAL_HEAD " \"events\": [], \"x\": ", "}", NHS_DATASET_ERROR_SYNTAX, "nested more than 64 levels deep" },
    { "", "", NHS_DATASET_ERROR_SYNTAX, "nested more than 64 levels deep" },
    /* a '"' in what json-glib takes for a string or a comment once hid
     * the brackets from the depth count */
    { MINIMAL_HEAD " \"events\": [], \"q\": '\"', \"x\": ", "}", NHS_DATASET_ERROR_SYNTAX, "double quotes" },
    { MINIMAL_HEAD " \"events\": [], /* \" */ \"x\": ", "}", NHS_DATASET_ERROR_SYNTAX, "comments" },
    { MINIMAL_HEAD " \"events\": [], // \"\n \"x\": ", "}", NHS_DATASET_ERROR_SYNTAX, "comments" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nested (cases[i].before, 100000, cases[i].after);
      assert_refused (text, cases[i].code, "inline.json:", cases[i].says);
    }
}

static void
test_depth_limit (void)
{
  /* the top-level object is one level: 63 more make 64, the limit */
  g_autofree char *at_limit = nested (MINIMAL_HEAD " \"events\": [], \"x\": ", NHS_DATASET_MAX_DEPTH - 1, "}");
  g_autofree char *beyond = nested (MINIMAL_HEAD " \"events\": [], \"x\": ", NHS_DATASET_MAX_DEPTH, "}");
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (at_limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  g_clear_object (&ds);

  ds = load_string (beyond, &error);
  g_assert_null (ds);
  assert_error_at (error, NHS_DATASET_ERROR_SYNTAX, "inline.json:3:", "nested more than 64 levels deep");
}

/* Brackets in text are text, however many */
static void
test_brackets_in_strings (void)
{
  g_autofree char *brackets = nested ("", 100000, "");
  g_autofree char *events = g_strdup_printf ("{\"id\": \"e\", \"kind\": \"other\", \"groups\": [\"g\"], "
                                             "\"start\": \"2024-01-01\", \"title\": \"%s\"}", brackets);
  g_autofree char *text = dataset_text (events, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (nhs_event_get_title (nhs_dataset_lookup_event (ds, "e")), ==, brackets);
}

/* }}} */
/* Encoding {{{ */

static void
test_invalid_utf8 (void)
{
  const struct { const char *name, *text; const char *position; } cases[] = {
    { "Latin-1 in a title", MINIMAL_HEAD " \"events\": [{\"title\": \"Gr\xe9ve\"}]}", "inline.json:3:" },
    { "a stray byte in a key", "{\"form\xfft\": 1}", "inline.json:1:7:" },
    { "between tokens", "{\"format\": 1,\n  \x80 \"x\": 2}", "inline.json:2:3:" },
    { "an overlong slash", "{\"title\": \"\xc0\xaf\"}", "inline.json:1:12:" },
    { "a UTF-16 surrogate", "{\"title\": \"\xed\xa0\x80\"}", "inline.json:1:12:" },
    { "cut short at the end", "{\"title\": \"\xe2\x82", "inline.json:1:12:" },
    { "beyond U+10FFFF", "{\"title\": \"\xf4\x90\x80\x80\"}", "inline.json:1:12:" },
    { "a NUL byte", "{\"title\": \"a\0b\"}", "inline.json:1:13:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = strlen (cases[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = NULL;

      /* the NUL case carries on past its NUL */
      if (strcmp (cases[i].name, "a NUL byte") == 0)
        len = sizeof "{\"title\": \"a\0b\"}" - 1;
      g_test_message ("%s", cases[i].name);
      ds = load_text (cases[i].text, len, &error);
      g_assert_null (ds);
      assert_error_at (error, NHS_DATASET_ERROR_ENCODING, cases[i].position, "not valid UTF-8");
    }
}

/* Escapes json-glib mishandles: an escaped NUL cuts the text short, a lone
 * surrogate becomes bytes that are not UTF-8 */
static void
test_bad_escapes (void)
{
  const struct { const char *escaped; const char *says; } cases[] = {
    { "a\\u0000b", "U+0000" },
    { "\\ud800x", "“\\ud800” is half of a UTF-16 surrogate pair" },
    { "\\uDC00x", "“\\uDC00” is half of a UTF-16 surrogate pair" },
    { "\\ud800\\u0041", "“\\ud800” is half of a UTF-16 surrogate pair" },
    { "x\\ud83d", "“\\ud83d” is half of a UTF-16 surrogate pair" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (MINIMAL_HEAD " \"events\": [], \"description\": \"%s\"}", cases[i].escaped);
      assert_refused (text, NHS_DATASET_ERROR_ENCODING, "inline.json:3:", cases[i].says);
    }
}

/* A whole pair is one character */
static void
test_surrogate_pair (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (MINIMAL_HEAD " \"events\": [], \"description\": \"\\ud83d\\ude00 \\u00e9\"}", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (nhs_dataset_get_description (ds), ==, "\xf0\x9f\x98\x80 \xc3\xa9");
}

/* }}} */
/* Numbers and dates {{{ */

static void
test_numbers_out_of_range (void)
{
  const struct { const char *version, *value; int code; const char *says; } cases[] = {
    { "1", "1e999", NHS_DATASET_ERROR_VALUE, "$.figures[0].value: the number is not finite" },
    { "1", "-1e999", NHS_DATASET_ERROR_VALUE, "$.figures[0].value: the number is not finite" },
    { "1", "99999999999999999999", NHS_DATASET_ERROR_VALUE, "the whole number 99999999999999999999 is too large" },
    { "1", "-99999999999999999999", NHS_DATASET_ERROR_VALUE, "the whole number -99999999999999999999 is too large" },
    { "1", "123456789012345678901234567890123", NHS_DATASET_ERROR_VALUE, "12345678901234567890… is too large" },
    { "1e999", "1", NHS_DATASET_ERROR_VERSION, "$.version: the version must be a whole number" },
    { "18446744073709551617", "1", NHS_DATASET_ERROR_VALUE, "the whole number 18446744073709551617 is too large" },
    { "-1", "1", NHS_DATASET_ERROR_VERSION, "format version -1; this version of the app reads version 1" },
    { "9223372036854775807", "1", NHS_DATASET_ERROR_VERSION, "format version 9223372036854775807;" },
    { "2", "1", NHS_DATASET_ERROR_VERSION, "format version 2; this version of the app reads version 1" },
    { "1.0", "1", NHS_DATASET_ERROR_VERSION, "the version must be a whole number" },
    { "0x1", "1", NHS_DATASET_ERROR_SYNTAX, "“x” has no place here" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{\"format\": \"nhs-dispute-dataset\", \"version\": %s, \"title\": \"T\",\n"
        " \"groups\": [{\"id\": \"g\", \"name\": \"G\"}], \"events\": [],\n"
        " \"figures\": [{\"id\": \"f\", \"metric\": \"cost\", \"date\": \"2024-01-01\", \"value\": %s, \"unit\": \"gbp\"}]}",
        cases[i].version, cases[i].value);
      assert_refused (text, cases[i].code, "inline.json:", cases[i].says);
    }
}

/* Issue 13: JSON's number grammar exactly; json-glib took 01 and 1. */
static void
test_number_grammar (void)
{
  const struct { const char *value, *says; } cases[] = {
    { "01", "“01” is not a number JSON allows: a number may not start with 0 followed by more digits" },
    { "-00.5", "“-00.5” is not a number JSON allows" },
    { "1.", "“1.” is not a number JSON allows: a decimal point must be followed by a digit" },
    { ".5", "“.5” is not a number JSON allows: a number must start with a digit" },
    { "+1", "“+1” is not a number JSON allows: a number may not start with “+”" },
    { "1e", "“1e” is not a number JSON allows: an exponent must have digits" },
    { "1E-", "“1E-” is not a number JSON allows: an exponent must have digits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *figure = g_strdup_printf (
        "\"figures\": [{\"id\": \"f\", \"metric\": \"cost\", \"date\": \"2024-01-01\",\n \"value\": %s, \"unit\": \"gbp\"}]",
        cases[i].value);
      g_autofree char *text = dataset_text ("", figure);

      /* the figure's second line, after "{ \"value\": " */
      assert_refused (text, NHS_DATASET_ERROR_SYNTAX, "inline.json:5:11: the file is not valid JSON: ", cases[i].says);
    }
}

/* Issue 13: a key given twice is refused where it is given again (json-glib
 * kept the last: "events": [] then "events": [...] loaded the second) */
static void
test_duplicate_keys (void)
{
  g_autofree char *top = dataset_text ("", "\"events\": [{\"id\": \"e\"}]");
  g_autofree char *in_event = dataset_text ("{\"id\": \"e\", \"kind\": \"strike\", \"groups\": [\"g\"],\n"
                                            " \"title\": \"E\", \"start\": \"2024-01-01\", \"title\": \"F\"}", NULL);
  g_autofree char *in_group = g_strdup ("{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"T\",\n"
                                        " \"groups\": [{\"id\": \"g\", \"name\": \"G\"}, {\"id\": \"h\", \"name\": \"H\", \"name\": \"I\"}],\n"
                                        " \"events\": []}");

  assert_refused (top, NHS_DATASET_ERROR_DUPLICATE, "inline.json:4:2: $.events: ",
                  "the key “events” is given twice in one object");
  assert_refused (in_event, NHS_DATASET_ERROR_DUPLICATE, "inline.json:4:39: $.events[0].title: ",
                  "the key “title” is given twice in one object");
  assert_refused (in_group, NHS_DATASET_ERROR_DUPLICATE, "inline.json:2:64: $.groups[1].name: ",
                  "the key “name” is given twice in one object");
}

/* Issue 13: a bad value of 1 MB is quoted as a short excerpt, never whole */
static void
test_long_values_excerpted (void)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');
  g_autofree char *digits = g_strnfill (1024 * 1024, '7');
  g_autofree char *kind_event = g_strdup_printf ("{\"id\": \"e\", \"kind\": \"%s\", \"groups\": [\"g\"], "
                                                 "\"title\": \"E\", \"start\": \"2024-01-01\"}", huge);
  g_autofree char *group_event = g_strdup_printf ("{\"id\": \"e\", \"kind\": \"strike\", \"groups\": [\"%s\"], "
                                                  "\"title\": \"E\", \"start\": \"2024-01-01\"}", huge);
  g_autofree char *twice = g_strdup_printf ("{\"id\": \"%s\", \"kind\": \"strike\", \"groups\": [\"g\"], "
                                            "\"title\": \"E\", \"start\": \"2024-01-01\"},"
                                            "{\"id\": \"%s\", \"kind\": \"strike\", \"groups\": [\"g\"], "
                                            "\"title\": \"E\", \"start\": \"2024-01-01\"}", huge, huge);
  g_autofree char *number = g_strdup_printf ("\"x\": %s.", digits);
  g_autofree char *word = g_strdup_printf ("\"x\": t%s", huge);
  g_autofree char *key = g_strdup_printf ("\"x\": {\"%s\": 1, \"%s\": 2}", huge, huge);
  struct { char *text; int code; } cases[] = {
    { dataset_text (kind_event, NULL), NHS_DATASET_ERROR_ENUM },
    { dataset_text (group_event, NULL), NHS_DATASET_ERROR_REFERENCE },
    { dataset_text (twice, NULL), NHS_DATASET_ERROR_DUPLICATE },
    { dataset_text ("", number), NHS_DATASET_ERROR_SYNTAX },
    { dataset_text ("", word), NHS_DATASET_ERROR_SYNTAX },
    { dataset_text ("", key), NHS_DATASET_ERROR_DUPLICATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = load_string (cases[i].text, &error);
      g_autofree char *forty = g_strndup (i == 3 ? digits : huge, 39);

      g_assert_null (ds);
      g_assert_error (error, NHS_DATASET_ERROR, cases[i].code);
      if (strlen (error->message) >= 400)
        g_error ("%.300s… is too long", error->message);
      /* 40 characters of the value, then "…" */
      g_assert_cmpuint (strlen (error->message), <, 400);
      g_assert_nonnull (strstr (error->message, "…"));
      g_assert_nonnull (strstr (error->message, forty));
      g_free (cases[i].text);
    }
}

static void
test_numbers_at_the_edges (void)
{
  const struct { const char *text; double value; } cases[] = {
    { "1e308", 1e308 },
    { "-1.7976931348623157e308", -1.7976931348623157e308 },
    { "4.9e-324", 4.9e-324 },
    { "9223372036854775807", 9223372036854775807.0 },
    { "-9223372036854775807", -9223372036854775807.0 },
    { "-0", 0.0 },
    { "0.1", 0.1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *figure = g_strdup_printf (
        "\"figures\": [{\"id\": \"f\", \"metric\": \"cost\", \"date\": \"2024-01-01\", \"value\": %s, \"unit\": \"gbp\"}]",
        cases[i].text);
      g_autofree char *text = dataset_text ("", figure);
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = load_string (text, &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (nhs_figure_get_value (nhs_dataset_lookup_figure (ds, "f")), ==, cases[i].value);
    }
}

static void
test_dates_out_of_range (void)
{
  const char *bad[] = {
    "2024-13-01", "2024-00-10", "2024-01-32", "2023-02-29", "0000-01-01", "10000-01-01",
    "2024-01-01T24:00", "2024-01-01T23:60", "2024-01-01T23:59:60", "2024-01-01T07:00+24:00",
    "2024-01-01T07:00+01:60", "9999-12-31", "9999-12-31T23:00-05:00", "0001-01-01T00:30+01:00",
    "2024-1-01", "２０２４-01-01", "2024-01-01T07:00:00.", "",
    "1899-12-31", "1899-12-31T23:59+00:00", "2201-01-01", "2201-01-01T00:00-12:00", "0099-06-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = one_strike_text (bad[i], NULL);

      g_test_message ("start: “%s”", bad[i]);
      assert_refused (text, NHS_DATASET_ERROR_DATE, "inline.json:", "$.events[0].start: ");
    }
}

/* The years the app handles, 1900 to 2200 as written: refused outside
 * them with the key and the range, taken at both ends whatever the zone
 * makes of them */
#define UNIX_1899_12_31_10   G_GINT64_CONSTANT (-2209039200)
#define UNIX_2201_01_01_1159 G_GINT64_CONSTANT (7289697540)

static void
test_year_range (void)
{
  const char *edges[] = { "1900-01-01", "1900-01-01T00:00+14:00", "2200-12-31", "2200-12-31T23:59-12:00" };
  const char *outside[] = { "1899-12-31", "1899-12-31T23:00-05:00", "2201-01-01", "0001-01-01T00:30+01:00" };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      g_autoptr(NhsDataset) ds = load_one_strike (edges[i], NULL);
      g_autoptr(GPtrArray) events = g_ptr_array_new ();
      g_autoptr(GString) csv = g_string_new (NULL);
      NhsEvent *event = nhs_dataset_get_event (ds, 0);

      g_ptr_array_add (events, event);
      nhs_write_events_csv (csv, events);
      if (strlen (edges[i]) == 10)
        g_assert_nonnull (strstr (csv->str, edges[i]));
      else
        {
          /* the instant written, on whichever day it falls in London:
           * 1899-12-31T10:00Z and 2201-01-01T11:59Z */
          g_autofree char *written = nhs_format_event_time (nhs_event_get_start (event), FALSE);

          g_assert_cmpint (g_date_time_to_unix (nhs_event_get_start (event)), ==, i == 1 ? UNIX_1899_12_31_10 : UNIX_2201_01_01_1159);
          g_assert_nonnull (strstr (csv->str, written));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autofree char *text = one_strike_text (outside[i], NULL);
      g_autofree char *says = g_strdup_printf ("$.events[0].start: “%s” is outside the years this app handles (1900 to 2200)",
                                               outside[i]);

      assert_refused (text, NHS_DATASET_ERROR_DATE, "inline.json:", says);
    }
}

/* The chart of tests/data/good/dates-at-the-edges.json, in a zone 14 hours
 * east of UTC: the first day, an hour that is the day before there, the
 * last day as seen 12 hours west, and pay figures on both: every month
 * has its GDateTime (a critical would abort the test) and the export is
 * drawn */
static void
test_chart_at_the_edges (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "dates-at-the-edges.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_file (file, NULL, &error);
  g_autoptr(NhsChartModel) model = NULL;
  NhsChartFormat formats[] = { NHS_CHART_FORMAT_PNG, NHS_CHART_FORMAT_SVG };
  NhsChartExportOptions options;
  GArray *stacks;
  gint64 from_us, to_us;

  g_assert_no_error (error);
  /* 1 Jan 1900 at midnight UTC is 31 Dec 1899 in the dataset's zone */
  g_assert_cmpint (g_date_time_get_year (nhs_event_get_start (nhs_dataset_lookup_event (ds, "first-utc"))), ==, 1899);
  model = nhs_chart_model_new (ds, NULL);
  nhs_chart_model_get_extent (model, &from_us, &to_us);
  g_assert_cmpint (from_us, <=, nhs_event_get_start_us (nhs_dataset_lookup_event (ds, "first-utc")));
  stacks = nhs_chart_model_get_month_stacks (model);
  g_assert_cmpuint (stacks->len, >, 0);
  g_assert_cmpint (g_array_index (stacks, NhsChartMonthStack, 0).year, ==, 1899);
  g_assert_cmpint (g_array_index (stacks, NhsChartMonthStack, 0).month, ==, 12);
  g_assert_cmpint (g_array_index (stacks, NhsChartMonthStack, stacks->len - 1).year, ==, 2201);

  nhs_chart_export_options_init (&options);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = nhs_chart_export_to_bytes (model, &options, formats[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    }
  /* and through a range that ends on the last day */
  options.from_us = nhs_event_get_start_us (nhs_dataset_lookup_event (ds, "first"));
  options.to_us = nhs_event_get_start_us (nhs_dataset_lookup_event (ds, "last-day")) + (gint64) 86400 * G_USEC_PER_SEC;
  {
    g_autoptr(GBytes) bytes = nhs_chart_export_to_bytes (model, &options, NHS_CHART_FORMAT_PNG, &error);
    g_assert_no_error (error);
  }
}

/* Output for spreadsheets and terminals {{{ */

#define HOSTILE_EVENTS \
  "{\"id\": \"=1+1\", \"kind\": \"talks\", \"groups\": [\"g\"], \"start\": \"2024-01-01\", " \
  "\"title\": \"=HYPERLINK(\\\"https://example.org/?x=\\\"&A1, \\\"Click\\\")\"}," \
  "{\"id\": \"+44\", \"kind\": \"talks\", \"groups\": [\"g\"], \"start\": \"2024-01-02\", \"title\": \"-5% cut\"}," \
  "{\"id\": \"@me\", \"kind\": \"talks\", \"groups\": [\"g\"], \"start\": \"2024-01-03\", \"title\": \"\\t=tab\"}," \
  "{\"id\": \"cr\", \"kind\": \"talks\", \"groups\": [\"g\"], \"start\": \"2024-01-04\", \"title\": \"\\r=cr\"}," \
  "{\"id\": \"plain\", \"kind\": \"strike\", \"groups\": [\"g\"], \"start\": \"2024-01-05\", \"title\": \"a = b, -1\"}," \
  "{\"id\": \"esc\", \"kind\": \"talks\", \"groups\": [\"g\"], \"start\": \"2024-01-06\", " \
  "\"title\": \"\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u007fend\\nnext\"}"

/* Cells a spreadsheet would run as formulas start with "'"; the rest, and
 * every date and day count, are as they were */
static void
test_csv_formula_guard (void)
{
  g_autofree char *text = dataset_text (HOSTILE_EVENTS, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (text, &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GString) csv = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    g_ptr_array_add (list, nhs_dataset_get_event (ds, i));
  nhs_write_events_csv (csv, list);
  g_assert_cmpstr (csv->str, ==,
                   "id,kind,groups,start,end,strike_days,title\r\n"
                   "'=1+1,talks,g,2024-01-01,,,\"'=HYPERLINK(\"\"https://example.org/?x=\"\"&A1, \"\"Click\"\")\"\r\n"
                   "'+44,talks,g,2024-01-02,,,'-5% cut\r\n"
                   "'@me,talks,g,2024-01-03,,,'\t=tab\r\n"
                   "cr,talks,g,2024-01-04,,,\"'\r=cr\"\r\n"
                   "plain,strike,g,2024-01-05,,1,\"a = b, -1\"\r\n"
                   "esc,talks,g,2024-01-06,,,\"\033]0;pwned\007\033[2J\302\23331m\177end\nnext\"\r\n");
}

/* The tables for a terminal: no control character reaches it (one such
 * title set the terminal's title and cleared its screen) */
static void
test_terminal_escapes (void)
{
  g_autofree char *text = dataset_text (HOSTILE_EVENTS, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (text, &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GString) table = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GArray) totals = NULL;
  NhsEvent *esc;

  g_assert_no_error (error);
  esc = nhs_dataset_lookup_event (ds, "esc");
  g_ptr_array_add (list, esc);
  nhs_write_events_table (table, list);
  g_assert_nonnull (strstr (table->str, "\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m\\x7fend\\nnext\n"));
  for (const char *p = table->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_assert_true (c == '\n' || (c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0)));
    }
  g_assert_nonnull (strstr (table->str, "\n1 event\n"));

  g_ptr_array_set_size (list, 0);
  g_ptr_array_add (list, nhs_dataset_lookup_event (ds, "@me"));
  g_string_truncate (table, 0);
  nhs_write_events_table (table, list);
  g_assert_nonnull (strstr (table->str, "  \\t=tab\n"));

  /* the summary's title and group names */
  {
    g_autofree char *nasty = g_strdup_printf ("{\"format\": \"nhs-dispute-dataset\", \"version\": 1, "
                                              "\"title\": \"T\\u001b[2J\", \"groups\": [{\"id\": \"g\", \"name\": \"G\\u001b]0;x\\u0007\"}], "
                                              "\"events\": []}");
    g_autoptr(NhsDataset) ds2 = load_string (nasty, &error);

    g_assert_no_error (error);
    totals = nhs_stats_strike_totals (ds2, NULL);
    nhs_write_summary_table (summary, ds2, totals);
    g_assert_true (g_str_has_prefix (summary->str, "T\\x1b[2J\nGROUP"));
    g_assert_nonnull (strstr (summary->str, "G\\x1b]0;x\\x07\n"));
    g_assert_null (strchr (summary->str, '\033'));
  }
}

/* Runs the command line in dir with stdout to out_path (NULL: captured)
 * and gives its status, stdout and stderr */
static int
run_cli (const char  *dir,
         const char  *out_path,
         char       **out,
         char       **err,
         ...)
{
  const char *bin = g_getenv ("NHS_DISPUTE_BIN");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (out_path ? G_SUBPROCESS_FLAGS_STDERR_PIPE
                                                 : G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  if (out_path)
    g_subprocess_launcher_set_stdout_file_path (launcher, out_path);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

/* A ":" in a file name is a file, for reading and writing */
static void
test_colon_is_a_file (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "notes:2024.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listing = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));

  g_assert_cmpint (run_cli (dir, NULL, &out, &err, "--check-dataset", "notes:2024.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "notes:2024.json: valid (11 events, 2 figures, 1 article)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (dir, NULL, &out, &err, "--export-chart", "chart:1.png", "--dataset", "notes:2024.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart:1.png notes:2024.json");

  test_remove_tree (dir);
}

/* Output that cannot be written is a failure, said on stderr */
static void
test_stdout_full (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  const char *commands[][3] = {
    { "--version", NULL },
    { "--list-events", NULL },
    { "--summary", "--format=json" },
    { "--check-dataset", fixture },
  };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full here");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;
      int status = run_cli (NULL, "/dev/full", NULL, &err, commands[i][0], commands[i][1], NULL);

      g_test_message ("%s: %s", commands[i][0], err);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (err, ==, "nhs-dispute: could not write the output: No space left on device\n");
    }
}

/* }}} */
/* Quotes {{{ */

/* A quote is evidence only with a word in it: a space or a full stop
 * occurs in every article (and did load, before) */
static void
test_quote_needs_a_word (void)
{
  const struct { const char *fixture; const char *says; } cases[] = {
    { "quote-empty.json", "quote-empty.json:37:15: $.events[0].evidence[0].quote: the quote is empty: quote at least a word of the article “art”" },
    { "quote-space.json", "quote-space.json:37:15: $.events[0].evidence[0].quote: the quote has no word in it, only spaces or punctuation: quote at least a word of the article “art”" },
    { "quote-full-stop.json", "quote-full-stop.json:37:15: $.events[0].evidence[0].quote: the quote has no word in it, only spaces or punctuation: quote at least a word of the article “art”" },
    { "quote-inside-word-start.json", "quote-inside-word-start.json:37:15: $.events[0].evidence[0].quote: the quote begins or ends in the middle of a word of the article “art”: quote whole words" },
    { "quote-inside-word-end.json", "quote-inside-word-end.json:37:15: $.events[0].evidence[0].quote: the quote begins or ends in the middle of a word of the article “art”: quote whole words" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", cases[i].fixture, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = nhs_dataset_load_file (file, NULL, &error);

      g_assert_null (ds);
      g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_QUOTE);
      g_assert_cmpstr (error->message, ==, cases[i].says);
    }
  /* one letter is a word */
  {
    g_autofree char *text = dataset_text ("{\"id\": \"e\", \"kind\": \"strike\", \"groups\": [\"g\"], \"title\": \"E\", "
                                          "\"start\": \"2024-01-01\", \"evidence\": [{\"article\": \"a\", \"quote\": \"I \"}]}",
                                          "\"articles\": [{\"id\": \"a\", \"title\": \"A\", \"body\": \"Then I said no.\"}]");
    g_autoptr(GError) error = NULL;
    g_autoptr(NhsDataset) ds = load_string (text, &error);

    g_assert_no_error (error);
  }
  /* a quote found inside a word first and whole later takes the whole
   * occurrence; punctuation at its ends needs no boundary */
  {
    g_autofree char *text = dataset_text ("{\"id\": \"e\", \"kind\": \"strike\", \"groups\": [\"g\"], \"title\": \"E\", "
                                          "\"start\": \"2024-01-01\", \"evidence\": [{\"article\": \"a\", \"quote\": \"walk\"}, "
                                          "{\"article\": \"a\", \"quote\": \"; we walk.\"}]}",
                                          "\"articles\": [{\"id\": \"a\", \"title\": \"A\", \"body\": \"They walked out; we walk.\"}]");
    g_autoptr(GError) error = NULL;
    g_autoptr(NhsDataset) ds = load_string (text, &error);
    NhsEvent *event;
    NhsEvidence *ev;

    g_assert_no_error (error);
    event = nhs_dataset_get_event (ds, 0);
    ev = g_ptr_array_index (nhs_event_get_evidence (event), 0);
    g_assert_cmpint (nhs_evidence_get_quote_start (ev), ==, 20);
    g_assert_cmpint (nhs_evidence_get_quote_end (ev), ==, 24);
    ev = g_ptr_array_index (nhs_event_get_evidence (event), 1);
    g_assert_cmpint (nhs_evidence_get_quote_start (ev), ==, 15);
  }
}

/* }}} */
/* Files that are not files {{{ */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Loads path both ways, the window's (in a thread) and the command line's,
 * and checks each refuses it in these words */
static void
assert_not_a_file (const char *path,
                   const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *says = g_strdup_printf ("Could not open %s: it is a device or a pipe, not a dataset file", name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;

  g_test_message ("%s", path);
  ds = nhs_dataset_load_file (file, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, says);
  g_clear_error (&error);

  nhs_dataset_load_file_async (file, NULL, NULL, NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ds = nhs_dataset_load_file_finish (result, &error);
  g_assert_null (ds);
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, says);
}

static void
not_a_file_child (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *link = g_build_filename (dir, "zero.json", NULL);

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  /* before, a pipe blocked the open for ever, and the devices were read
   * without end (until the memory ran out) or loaded as empty */
  assert_not_a_file (fifo, "pipe.json");
  assert_not_a_file (link, "zero.json");
  assert_not_a_file ("/dev/zero", "zero");
  assert_not_a_file ("/dev/urandom", "urandom");
  assert_not_a_file ("/dev/null", "null");
  test_remove_tree (dir);
}

/* A pipe and devices (through a link, too): refused before a byte is
 * read, at once (the parent gives it ten seconds) */
static void
test_not_a_file (void)
{
  g_test_trap_subprocess ("/robust/not-a-file/subprocess", 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* }}} */
/* Time zones {{{ */

/* A dataset of one strike in the zone zone, JSON-escaped */
static char *
zone_text (const char *zone)
{
  return g_strdup_printf ("{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"T\",\n"
                          " \"timezone\": \"%s\", \"groups\": [{\"id\": \"g\", \"name\": \"G\"}],\n"
                          " \"events\": [{\"id\": \"e\", \"kind\": \"strike\", \"groups\": [\"g\"], \"title\": \"E\","
                          " \"start\": \"2024-06-01\"}]}", zone);
}

static void
assert_zone_loads (const char *zone)
{
  g_autofree char *text = zone_text (zone);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (text, &error);

  g_test_message ("zone %s", zone);
  g_assert_no_error (error);
  g_assert_cmpstr (nhs_dataset_get_timezone_id (ds), ==, zone);
}

static void
assert_zone_refused (const char *zone,
                     const char *says)
{
  g_autofree char *text = zone_text (zone);

  g_test_message ("zone %s", zone);
  assert_refused (text, NHS_DATASET_ERROR_TIMEZONE, "inline.json:", says);
}

/* Only IANA names the system lists; never a path, a pipe or a folder */
static void
test_timezone_names (void)
{
  const char *known[] = { "Europe/London", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires", "GB" };
  const char *not_names[] = { "/etc/localtime", "../../../../etc/passwd", "Europe/../Europe/London",
                              "Europe//London", "Europe/", "/Europe/London", "+01:00", "Europe/London ",
                              "zone.tab", "Europe\\\\London", "" };
  const char *unknown[] = { "Mars/Olympus_Mons", "Europe", "Europe/Londonderry" };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    assert_zone_loads (known[i]);
  for (guint i = 0; i < G_N_ELEMENTS (not_names); i++)
    assert_zone_refused (not_names[i], "$.timezone: “");
  for (guint i = 0; i < G_N_ELEMENTS (not_names) - 1; i++)
    assert_zone_refused (not_names[i], "is not the name of a time zone: use an IANA name such as Europe/London (never a file path)");
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    assert_zone_refused (unknown[i], "is not a time zone this system knows");
}

static void
timezone_pipe_child (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "zone", NULL);

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  /* GLib would open it, and wait for ever for a writer */
  assert_zone_refused (fifo, "(never a file path)");
  test_remove_tree (dir);
}

/* A pipe named as the zone: refused at once (the parent gives it ten
 * seconds) */
static void
test_timezone_pipe (void)
{
  g_test_trap_subprocess ("/robust/timezone/pipe/subprocess", 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
timezone_no_list_child (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *zone_dir = g_build_filename (dir, "Test", NULL);
  g_autofree char *fifo = g_build_filename (zone_dir, "Pipe", NULL);
  g_autofree char *folder = g_build_filename (zone_dir, "Folder", NULL);
  g_autofree char *copy = g_build_filename (zone_dir, "Copy", NULL);
  g_autofree char *london = NULL;
  gsize len;

  g_assert_true (g_file_get_contents ("/usr/share/zoneinfo/Europe/London", &london, &len, NULL));
  g_assert_cmpint (g_mkdir (zone_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_true (g_file_set_contents (copy, london, len, NULL));
  g_setenv ("TZDIR", dir, TRUE);

  assert_zone_loads ("Test/Copy");
  assert_zone_refused ("Test/Pipe", "is not a time zone this system knows");
  assert_zone_refused ("Test/Folder", "is not a time zone this system knows");
  assert_zone_refused ("Test/Missing", "is not a time zone this system knows");
  assert_zone_refused ("../Test/Copy", "(never a file path)");
  test_remove_tree (dir);
}

/* Where the system has no list of zones (no tzdata.zi in $TZDIR, the
 * folder GLib reads them from), a zone is an ordinary file there: not a
 * pipe, not a folder */
static void
test_timezone_no_list (void)
{
  if (!g_file_test ("/usr/share/zoneinfo/Europe/London", G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no /usr/share/zoneinfo/Europe/London to copy");
      return;
    }
  g_test_trap_subprocess ("/robust/timezone/no-list/subprocess", 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* }}} */
/* Dates {{{ */

/* The last day GDateTime knows has no next day; a range that ends there
 * runs to the end of time, without a critical (the command line's --to
 * takes any date, not only the dataset's years) */
static void
test_filter_last_day (void)
{
  g_autoptr(NhsDataset) ds = load_one_strike ("2200-12-30T07:00", "2200-12-31T07:00");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(GDateTime) last = g_date_time_new (nhs_dataset_get_timezone (ds), 9999, 12, 31, 0, 0, 0);

  nhs_event_filter_set_range (filter, last, last);
  g_assert_false (nhs_event_filter_match (filter, nhs_dataset_lookup_event (ds, "e")));
  nhs_event_filter_set_range (filter, NULL, last);
  g_assert_true (nhs_event_filter_match (filter, nhs_dataset_lookup_event (ds, "e")));
}

/* The same through the command line: every event, and nothing on stderr */
static void
test_cli_last_day (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  const char *args[] = { "--list-events", "--format=csv", "--to=9999-12-31", "--dataset", fixture, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (test_run_cli (NULL, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\r\n", -1);
  /* the header, eleven events, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
}

/* }}} */
/* Scale {{{ */

static void
test_100000_groups (void)
{
  const guint n = 100000;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"Many\",\n \"groups\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(GArray) totals = NULL;
  NhsEvent *all;
  gint64 start;
  double load_seconds, stats_seconds;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\": \"g%u\", \"name\": \"Group %u\"}", i ? "," : "", i, i);
  g_string_append (text, "],\n \"events\": [");
  /* a thousand strikes of two groups each, day by day */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "{\"id\": \"e%u\", \"kind\": \"strike\", \"groups\": [\"g%u\", \"g%u\"], "
                            "\"title\": \"E\", \"start\": \"2024-01-%02uT07:00\", \"end\": \"2024-01-%02uT07:00\"},",
                            i, i, (i * 7 + 1) % n, 1 + i % 27, 2 + i % 27);
  /* and one joint walkout of every group, each named twice */
  g_string_append (text, "{\"id\": \"all\", \"kind\": \"strike\", \"groups\": [");
  for (guint i = 0; i < 2 * n; i++)
    g_string_append_printf (text, "%s\"g%u\"", i ? "," : "", i % n);
  g_string_append (text, "], \"title\": \"All\", \"start\": \"2024-03-01\"}]}");

  start = g_get_monotonic_time ();
  ds = load_text (text->str, text->len, &error);
  load_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_groups (ds)), ==, n);
  g_assert_nonnull (nhs_dataset_lookup_group (ds, "g99999"));
  all = nhs_dataset_lookup_event (ds, "all");
  g_assert_cmpuint (nhs_event_get_groups (all)->len, ==, n);
  g_assert_true (nhs_event_has_group (all, nhs_dataset_lookup_group (ds, "g54321")));

  start = g_get_monotonic_time ();
  totals = nhs_stats_strike_totals (ds, NULL);
  stats_seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_cmpuint (totals->len, ==, n);
  /* g1 strikes in e0 (1 Jan, as its second group), e1 (2 Jan: back to
   * back, not overlapping, so a round of its own) and the joint walkout */
  g_assert_true (g_array_index (totals, NhsGroupStrikeTotals, 1).group == nhs_dataset_lookup_group (ds, "g1"));
  g_assert_cmpuint (g_array_index (totals, NhsGroupStrikeTotals, 1).rounds, ==, 3);
  g_assert_cmpuint (g_array_index (totals, NhsGroupStrikeTotals, 1).strike_days, ==, 3);

  g_test_message ("%u groups (%.1f MB of JSON): loaded in %.2f s, strike totals in %.2f s",
                  n, text->len / 1048576.0, load_seconds, stats_seconds);
  /* generous, for sanitizers and busy machines; quadratic work would take hours */
  g_assert_cmpfloat (load_seconds, <, 60);
  g_assert_cmpfloat (stats_seconds, <, 120);
}

/* A strike across the three centuries a dataset may span, joined by forty groups: every
 * day is counted, month by month, in a moment */
static void
test_strike_across_millennia (void)
{
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(GArray) totals = NULL;
  gint64 start;
  double seconds;

  for (guint i = 0; i < 40; i++)
    {
      g_string_append_printf (groups, "%s{\"id\": \"g%u\", \"name\": \"G\"}", i ? "," : "", i);
      g_string_append_printf (ids, "%s\"g%u\"", i ? "," : "", i);
    }
  text = g_strdup_printf ("{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"T\", \"groups\": [%s],\n"
                          " \"events\": [{\"id\": \"e\", \"kind\": \"strike\", \"groups\": [%s], \"title\": \"Long\",\n"
                          " \"start\": \"1900-03-01T07:00\", \"end\": \"2200-12-30T07:00\"}]}", groups->str, ids->str);
  ds = load_string (text, &error);
  g_assert_no_error (error);
  totals = nhs_stats_strike_totals (ds, NULL);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 40; i++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, i);
      g_autoptr(GArray) months = nhs_stats_strike_days_by_month (ds, NULL, t->group);
      guint sum = 0;

      for (guint m = 0; m < months->len; m++)
        sum += g_array_index (months, NhsMonthDays, m).days;
      g_assert_cmpuint (sum, ==, t->strike_days);
      g_assert_cmpuint (months->len, ==, (2200 - 1900) * 12 + 10);
      g_assert_cmpint (g_array_index (months, NhsMonthDays, 0).year, ==, 1900);
      g_assert_cmpuint (g_array_index (months, NhsMonthDays, 0).days, ==, 31);
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("strike days by month for 40 groups over 300 years: %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, 30);

  /* the one pass for every group, as the chart asks, gives the same */
  start = g_get_monotonic_time ();
  {
    g_autoptr(GArray) all_totals = NULL;
    g_autoptr(GPtrArray) all = nhs_stats_strike_days_by_month_all (ds, NULL, &all_totals);

    g_assert_cmpuint (all->len, ==, 40);
    for (guint i = 0; i < 40; i++)
      {
        GArray *months = g_ptr_array_index (all, i);
        guint sum = 0;

        for (guint m = 0; m < months->len; m++)
          sum += g_array_index (months, NhsMonthDays, m).days;
        g_assert_cmpuint (months->len, ==, (2200 - 1900) * 12 + 10);
        g_assert_cmpuint (sum, ==, g_array_index (totals, NhsGroupStrikeTotals, i).strike_days);
        g_assert_cmpuint (g_array_index (all_totals, NhsGroupStrikeTotals, i).strike_days, ==, sum);
      }
  }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("the same in one pass for all groups: %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, 30);
}

/* }}} */
/* Text stays text {{{ */

/* Markup, entities and control characters, in JSON escapes */
#define NASTY_JSON "<b>bold</b> &amp; <span foreground=\\\"red\\\">red</span> &lt; <i>\\u0001\\u001f\\u007f\\t\\r\\n, \\\"q\\\", é"
#define NASTY      "<b>bold</b> &amp; <span foreground=\"red\">red</span> &lt; <i>\001\037\177\t\r\n, \"q\", é"

static void
test_text_round_trips (void)
{
  g_autofree char *events = g_strdup_printf (
    "{\"id\": \"e,1\", \"kind\": \"strike\", \"groups\": [\"g\"], \"start\": \"2024-01-03T07:00\", "
    " \"title\": \"%s\", \"summary\": \"%s\", \"outcome\": \"%s\", \"tags\": [\"%s\"],"
    " \"evidence\": [{\"article\": \"a\", \"quote\": \"%s\"}, {\"source\": \"s\", \"note\": \"%s\"}]}",
    NASTY_JSON, NASTY_JSON, NASTY_JSON, NASTY_JSON, NASTY_JSON, NASTY_JSON);
  g_autofree char *more = g_strdup_printf (
    "\"articles\": [{\"id\": \"a\", \"title\": \"%s\", \"body\": \"Before. %s After.\"}],"
    " \"sources\": [{\"id\": \"s\", \"title\": \"%s\", \"url\": \"https://example.org/?a=1&b=<2>\"}]",
    NASTY_JSON, NASTY_JSON, NASTY_JSON);
  g_autofree char *text = dataset_text (events, more);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = load_string (text, &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  NhsEvent *event;
  NhsEvidence *quote;
  JsonObject *object;
  JsonArray *evidence;

  g_assert_no_error (error);
  event = nhs_dataset_lookup_event (ds, "e,1");
  g_assert_cmpstr (nhs_event_get_title (event), ==, NASTY);
  g_assert_cmpstr (nhs_event_get_summary (event), ==, NASTY);
  g_assert_cmpstr (nhs_event_get_outcome (event), ==, NASTY);
  g_assert_cmpstr (nhs_event_get_tags (event)[0], ==, NASTY);
  quote = g_ptr_array_index (nhs_event_get_evidence (event), 0);
  g_assert_cmpstr (nhs_evidence_get_quote (quote), ==, NASTY);
  g_assert_cmpint (nhs_evidence_get_quote_start (quote), ==, strlen ("Before. "));
  g_assert_cmpstr (nhs_article_get_title (nhs_dataset_lookup_article (ds, "a")), ==, NASTY);
  g_assert_cmpstr (nhs_source_get_title (nhs_dataset_lookup_source (ds, "s")), ==, NASTY);

  g_ptr_array_add (list, event);

  nhs_write_events_csv (csv, list);
  records = test_csv_parse (csv->str);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, 1))->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (records, 1), 0), ==, "e,1");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (records, 1), 6), ==, NASTY);

  nhs_write_events_json (json, list);
  g_assert_true (json_parser_load_from_data (parser, json->str, (gssize) json->len, &error));
  g_assert_no_error (error);
  object = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "e,1");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, NASTY);
  g_assert_cmpstr (json_object_get_string_member (object, "summary"), ==, NASTY);
  evidence = json_object_get_array_member (object, "evidence");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (evidence, 0), "quote"), ==, NASTY);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (evidence, 1), "note"), ==, NASTY);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (evidence, 1), "url"), ==,
                   "https://example.org/?a=1&b=<2>");
}

/* }}} */
/* Cancelling {{{ */

typedef struct
{
  GCancellable *cancellable;
  GThread *main_thread;
  guint n_progress;
} CancelData;

static void
cancel_progress_cb (double   fraction,
                    gpointer user_data)
{
  CancelData *data = user_data;

  /* progress arrives on the thread that asked, never the worker */
  g_assert_true (g_thread_self () == data->main_thread);
  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  if (data->n_progress++ == 0)
    g_cancellable_cancel (data->cancellable);
}

static void
test_cancel (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "many-events.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) events = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  CancelData data = { cancellable, g_thread_self () };

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (events, "%s{\"id\": \"e%u\", \"kind\": \"talks\", \"groups\": [\"g\"], "
                            "\"title\": \"Talks\", \"start\": \"2024-01-01T10:00\"}", i ? ",\n" : "", i);
  text = dataset_text (events->str, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  /* cancelled at the first sign of progress, part-way through */
  ds = test_load_file_async (file, cancellable, cancel_progress_cb, &data, &error);
  g_assert_cmpuint (data.n_progress, >=, 1);
  g_assert_null (ds);
  /* GTask's rule for a cancelled task: G_IO_ERROR_CANCELLED */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* the synchronous loader too, in words */
  ds = nhs_dataset_load_file (file, cancellable, &error);
  g_assert_null (ds);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "Loading many-events.json was cancelled");
  g_clear_error (&error);

  /* and from bytes, cancelled before the first pass is through */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

    ds = nhs_dataset_load_bytes (bytes, "bytes.json", cancellable, NULL, NULL, &error);
    g_assert_null (ds);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* and the same file, not cancelled, loads */
  g_cancellable_reset (cancellable);
  ds = nhs_dataset_load_file (file, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, 50000);

  test_remove_tree (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/robust/good-fixtures", test_good_fixtures);
  g_test_add_func ("/robust/bad-fixture-messages", test_bad_fixture_messages);
  g_test_add_func ("/robust/empty", test_empty);
  g_test_add_func ("/robust/size/200mb-garbage", test_200mb_garbage);
  g_test_add_func ("/robust/size/200mb-valid", test_200mb_valid);
  g_test_add_func ("/robust/size/over-limit", test_over_limit);
  g_test_add_func ("/robust/depth/100000", test_deep_nesting);
  g_test_add_func ("/robust/depth/limit", test_depth_limit);
  g_test_add_func ("/robust/depth/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/robust/utf8/invalid", test_invalid_utf8);
  g_test_add_func ("/robust/utf8/bad-escapes", test_bad_escapes);
  g_test_add_func ("/robust/utf8/surrogate-pair", test_surrogate_pair);
  g_test_add_func ("/robust/numbers/out-of-range", test_numbers_out_of_range);
  g_test_add_func ("/robust/json/number-grammar", test_number_grammar);
  g_test_add_func ("/robust/json/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/robust/json/long-values-excerpted", test_long_values_excerpted);
  g_test_add_func ("/robust/numbers/edges", test_numbers_at_the_edges);
  g_test_add_func ("/robust/dates/out-of-range", test_dates_out_of_range);
  g_test_add_func ("/robust/dates/year-range", test_year_range);
  g_test_add_func ("/robust/dates/chart-at-the-edges", test_chart_at_the_edges);
  g_test_add_func ("/robust/quote-needs-a-word", test_quote_needs_a_word);
  g_test_add_func ("/robust/output/csv-formula-guard", test_csv_formula_guard);
  g_test_add_func ("/robust/output/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/robust/output/colon-is-a-file", test_colon_is_a_file);
  g_test_add_func ("/robust/output/stdout-full", test_stdout_full);
  g_test_add_func ("/robust/not-a-file", test_not_a_file);
  g_test_add_func ("/robust/not-a-file/subprocess", not_a_file_child);
  g_test_add_func ("/robust/timezone/names", test_timezone_names);
  g_test_add_func ("/robust/timezone/pipe", test_timezone_pipe);
  g_test_add_func ("/robust/timezone/pipe/subprocess", timezone_pipe_child);
  g_test_add_func ("/robust/timezone/no-list", test_timezone_no_list);
  g_test_add_func ("/robust/timezone/no-list/subprocess", timezone_no_list_child);
  g_test_add_func ("/robust/dates/filter-last-day", test_filter_last_day);
  g_test_add_func ("/robust/dates/cli-last-day", test_cli_last_day);
  g_test_add_func ("/robust/scale/100000-groups", test_100000_groups);
  g_test_add_func ("/robust/scale/strike-across-millennia", test_strike_across_millennia);
  g_test_add_func ("/robust/text/round-trips", test_text_round_trips);
  g_test_add_func ("/robust/cancel", test_cancel);

  return g_test_run ();
}
