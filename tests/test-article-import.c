/* test-article-import.c: articles from saved web pages, text and Markdown
 * files, bad and hostile input, and nhs-dispute --extract
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "nhs-article-import.h"
#include "nhs-dataset-loader.h"
#include "nhs-extract.h"

static NhsImportedArticle *
import_data_file (const char  *name,
                  GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return nhs_article_import_file (file, NULL, error);
}

static NhsImportedArticle *
import_string (const char       *text,
               gssize            len,
               NhsArticleFormat  format,
               GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  return nhs_article_import_bytes (bytes, format, "test", error);
}

/* Scripts, styles (elements and attributes), navigation, forms, asides,
 * footers and newsletter boxes left out; entities decoded; metadata from
 * Open Graph and the canonical link */
static void
test_html_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = import_data_file ("article.html", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Junior doctors to strike from 24 to 28 February");
  g_assert_cmpstr (a->publisher, ==, "The Example Times");
  /* article:published_time wins over JSON-LD's date */
  g_assert_cmpstr (a->published, ==, "2024-02-09");
  g_assert_cmpstr (a->url, ==, "https://news.example.org/health/junior-doctors-strike");

  lines = g_strsplit (a->body, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "Junior doctors will go on strike later this month as the pay row with the Government shows no signs of abating.");
  /* white space inside a paragraph made one space */
  g_assert_cmpstr (lines[1], ==, "Thousands of medics will now go on strike in England from 7am on February 24 until 11.59pm on February 28.");
  g_assert_cmpstr (lines[2], ==, "The BMA said the Government had “failed to meet the deadline” & that pay £–talks had stalled.");
  /* &nbsp; is kept as the no-break space it is */
  g_assert_cmpstr (lines[3], ==, "Junior\u00a0doctors’ pay");
  g_assert_cmpstr (lines[4], ==, "has fallen.");
  g_assert_cmpstr (lines[5], ==, "Health Secretary Victoria Atkins (Victoria Jones/PA)");
  for (const char * const *bad = (const char *[]) { "SCRIPT", "STYLE", "NAV TEXT", "FOOTER", "ASIDE", "SIGN UP",
                                                    "Sign up", "By A Reporter", "IMAGE ALT", "color: red", NULL };
       *bad; bad++)
    g_assert_null (strstr (a->body, *bad));
}

/* No <article>: the body without its furniture; the title from <title>,
 * the date from JSON-LD in an @graph (a time in UTC that is the next day
 * in London) */
static void
test_html_no_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = import_data_file ("no-article.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Consultants reject pay offer");
  g_assert_cmpstr (a->publisher, ==, "Example Health News");
  g_assert_cmpstr (a->published, ==, "2024-08-01");
  g_assert_cmpstr (a->url, ==, "https://health.example.org/consultants");
  g_assert_cmpstr (a->body, ==,
                   "25 January 2024\n"
                   "The British Medical Association (BMA) said that its members rejected the offer by 51.1 per cent.\n"
                   "Strikes have cost the NHS in excess of £1 billion.");
}

static void
test_html_nested_tables (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = import_data_file ("tables.html", &error);
  g_autoptr(GPtrArray) candidates = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Old layout");
  g_assert_null (a->published);
  g_assert_cmpstr (a->body, ==,
                   "Home | News\n"
                   "Consultants will strike on 24 and 25 August.\n"
                   "SAS doctors will join them.\n"
                   "Pay is down 20.7%.");
  candidates = nhs_extract (a->body, -1, "2023-08-01", NULL);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_cmpstr (((NhsCandidate *) candidates->pdata[0])->start, ==, "2023-08-24");
}

/* <time datetime> when nothing else dates the page; <h1> when nothing
 * else names it */
static void
test_html_fallbacks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = import_string (
    "<html><body><h1>Strike &amp; pay</h1><p>By <time datetime=\"2023-10-20\">Friday</time></p>"
    "<p>Text.</p></body></html>", -1, NHS_ARTICLE_FORMAT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Strike & pay");
  g_assert_cmpstr (a->published, ==, "2023-10-20");
  g_assert_cmpstr (a->body, ==, "By Friday\nText.");

  /* a date of the year 888 is still written in four digits (found by
   * fuzz-article-import) */
  {
    g_autoptr(NhsImportedArticle) b = import_string (
      "<html><head><meta property=\"article:published_time\" content=\"0888-02-09T10:30:00+00:00\"></head>"
      "<body><p>Text.</p></body></html>", -1, NHS_ARTICLE_FORMAT_AUTO, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (b->published, ==, "0888-02-09");
  }
}

/* A page of 10 MB: every paragraph, in order */
static void
test_html_large (void)
{
  g_autoptr(GString) page = g_string_new ("<!DOCTYPE html><html><head><title>Big</title></head><body><article>");
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  while (page->len < 10 * 1024 * 1024)
    {
      g_string_append_printf (page, "<p class=\"para\" style=\"margin:0\">Paragraph %u: junior doctors &amp; consultants "
                              "will strike on 24 February, says the <b>BMA</b>.</p>\n<script>var x%u = 1;</script>\n", n, n);
      n++;
    }
  g_string_append (page, "</article></body></html>");
  g_assert_cmpuint (page->len, >=, 10 * 1024 * 1024);

  a = import_string (page->str, page->len, NHS_ARTICLE_FORMAT_HTML, &error);
  g_assert_no_error (error);
  lines = g_strsplit (a->body, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n);
  g_assert_cmpstr (lines[0], ==, "Paragraph 0: junior doctors & consultants will strike on 24 February, says the BMA.");
  {
    g_autofree char *last = g_strdup_printf ("Paragraph %u: junior doctors & consultants will strike on 24 February, says the BMA.", n - 1);
    g_assert_cmpstr (lines[n - 1], ==, last);
  }
}

static void
test_html_deep (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>Deep text.</p>");
  for (int i = 0; i < 100000; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");

  a = import_string (page->str, page->len, NHS_ARTICLE_FORMAT_HTML, &error);
  g_assert_null (a);
  g_assert_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));

  /* inline elements too, and a depth the parser allows is read whole */
  g_clear_error (&error);
  g_string_assign (page, "<html><body><p>");
  for (int i = 0; i < 200; i++)
    g_string_append (page, "<span>");
  g_string_append (page, "Still read.");
  g_string_append (page, "</p></body></html>");
  {
    g_autoptr(NhsImportedArticle) b = import_string (page->str, page->len, NHS_ARTICLE_FORMAT_HTML, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (b->body, ==, "Still read.");
  }
}

/* A page that asks for a local file as its DTD and as an entity: the
 * file's words never appear, and the page is read */
static void
test_html_external_entity (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-import-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *dtd = g_build_filename (dir, "evil.dtd", NULL);
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = NULL;

  g_assert_true (g_file_set_contents (secret, "SECRET-CONTENTS-42", -1, NULL));
  g_assert_true (g_file_set_contents (dtd, "<!ENTITY leak SYSTEM \"file://SECRET\">", -1, NULL));
  page = g_strdup_printf ("<!DOCTYPE html SYSTEM \"file://%s\" [\n"
                          "  <!ENTITY xxe SYSTEM \"file://%s\">\n"
                          "  <!ENTITY %% remote SYSTEM \"file://%s\"> %%remote;\n"
                          "]>\n"
                          "<html><head><title>Entities</title></head>"
                          "<body><p>Before &xxe; after &leak;.</p><p>Second.</p></body></html>",
                          dtd, secret, dtd);
  a = import_string (page, -1, NHS_ARTICLE_FORMAT_HTML, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (a->body, "SECRET-CONTENTS"));
  g_assert_null (strstr (a->title ? a->title : "", "SECRET-CONTENTS"));
  g_assert_nonnull (strstr (a->body, "Second."));

  g_remove (secret);
  g_remove (dtd);
  g_rmdir (dir);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = NULL;
  const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  const char *latin1 = "Pay rose by 5\xa3 today.";

  a = import_string (binary, sizeof binary - 1, NHS_ARTICLE_FORMAT_AUTO, &error);
  g_assert_null (a);
  g_assert_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "binary"));
  g_clear_error (&error);

  a = import_string (latin1, -1, NHS_ARTICLE_FORMAT_AUTO, &error);
  g_assert_null (a);
  g_assert_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "offset 13"));
  g_clear_error (&error);

  a = import_string (" \n\n \n", -1, NHS_ARTICLE_FORMAT_AUTO, &error);
  g_assert_null (a);
  g_assert_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  a = import_string ("<html><body><script>only()</script></body></html>", -1, NHS_ARTICLE_FORMAT_AUTO, &error);
  g_assert_null (a);
  g_assert_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_EMPTY);
}

/* A 100 MB file is refused by its size, before a byte is read (a sparse
 * file: its blocks are never there to read); a stream by the bytes read */
static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GInputStream) stream = NULL;
  char *data;

  io = g_file_create_readwrite (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_seekable_truncate (G_SEEKABLE (io), 100 * 1024 * 1024, NULL, &error));
  g_assert_true (g_io_stream_close (G_IO_STREAM (io), NULL, &error));

  a = nhs_article_import_file (file, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_clear_error (&error);

  data = g_malloc (NHS_ARTICLE_IMPORT_MAX_BYTES + 10);
  memset (data, 'a', NHS_ARTICLE_IMPORT_MAX_BYTES + 10);
  big = g_bytes_new_take (data, NHS_ARTICLE_IMPORT_MAX_BYTES + 10);
  stream = g_memory_input_stream_new_from_bytes (big);
  a = nhs_article_import_stream (stream, NULL, NULL, &error);
  g_assert_null (a);
  g_assert_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_LARGE);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = import_string (
    "Junior doctors to strike\r\n\r\nJunior doctors will strike\non 24 February.\n\n\nThe BMA  said so.\n",
    -1, NHS_ARTICLE_FORMAT_AUTO, &error);
  g_autoptr(NhsImportedArticle) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Junior doctors to strike");
  /* hard-wrapped lines of one paragraph joined */
  g_assert_cmpstr (a->body, ==, "Junior doctors will strike on 24 February.\nThe BMA said so.");

  /* no blank lines: each line is a paragraph, and a first line that is a
   * sentence is not a headline */
  b = import_string ("\xEF\xBB\xBFOne sentence.\nTwo sentences.", -1, NHS_ARTICLE_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  g_assert_null (b->title);
  g_assert_cmpstr (b->body, ==, "One sentence.\nTwo sentences.");
}

static void
test_markdown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) a = import_string (
    "# Consultants reject offer\n\n"
    "The **BMA** said its members [rejected](https://example.org/vote) the offer by 51.1 per cent.\n\n"
    "![A picket line](picket.jpg)\n\n"
    "- First point\n- Second `point`\n\n"
    "## Background\n\n"
    "> Strikes have cost £1bn.\n",
    -1, NHS_ARTICLE_FORMAT_MARKDOWN, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (a->title, ==, "Consultants reject offer");
  g_assert_cmpstr (a->body, ==,
                   "The BMA said its members rejected the offer by 51.1 per cent.\n"
                   "First point\n"
                   "Second point\n"
                   "Background\n"
                   "Strikes have cost £1bn.");
}

/* The same page twice, by its URL or by its words, is one article */
static void
test_find_existing (void)
{
  static const char json[] =
    "{\"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"t\","
    " \"groups\": [{\"id\": \"resident\", \"name\": \"Resident doctors\"}], \"events\": [],"
    " \"articles\": [{\"id\": \"a1\", \"title\": \"A\", \"url\": \"https://news.example.org/health/Strike-Dates\","
    " \"body\": \"Junior doctors will strike.\\nThe BMA said so.\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bytes (bytes, "test.json", NULL, NULL, NULL, &error);
  NhsArticle *first;
  g_autoptr(NhsArticle) known = NULL;
  NhsImportedArticle by_url = { 0 }, by_text = { 0 }, new_one = { 0 }, other_path = { 0 };
  g_autofree char *url = NULL;
  g_autofree char *spaced = NULL;

  g_assert_no_error (error);
  known = g_list_model_get_item (nhs_dataset_get_articles (dataset), 0);

  /* the host's case, a fragment and a trailing slash do not matter */
  url = g_strdup_printf ("%s/#comments", nhs_article_get_url (known));
  for (char *c = url; *c && *c != '.'; c++)
    *c = g_ascii_toupper (*c);
  by_url.url = url;
  by_url.body = (char *) "Other words entirely.";
  first = nhs_imported_article_find_in (&by_url, dataset);
  g_assert_true (first == known);

  /* the same words, spaced differently, at no URL */
  spaced = g_strdup_printf ("  %s  ", nhs_article_get_body (known));
  by_text.body = spaced;
  g_assert_true (nhs_imported_article_find_in (&by_text, dataset) == known);

  new_one.url = (char *) "https://example.org/new";
  new_one.body = (char *) "Junior doctors will strike on 24 February.";
  g_assert_null (nhs_imported_article_find_in (&new_one, dataset));

  /* the path's case does matter */
  other_path.url = (char *) "https://news.example.org/health/strike-dates";
  other_path.body = (char *) "Different.";
  g_assert_null (nhs_imported_article_find_in (&other_path, dataset));
}

/* ---- nhs-dispute --extract ---------------------------------------------- */

static int
run_cli (const char * const *args,
         const char         *input,
         char              **out,
         char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("NHS_DISPUTE_BIN");

  if (bin == NULL)
    {
      g_test_skip ("NHS_DISPUTE_BIN is not set");
      return -1;
    }
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (char *) bin);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input ? input : "", NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static void
test_cli_json (void)
{
  g_autofree char *page = g_test_build_filename (G_TEST_DIST, "data", "import", "article.html", NULL);
  g_autofree char *arg = g_strdup_printf ("--extract=%s", page);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *article, *cand;
  JsonArray *candidates;
  int status = run_cli ((const char *[]) { arg, "--format=json", NULL }, NULL, &out, &err);

  if (status < 0)
    return;
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  article = json_object_get_object_member (root, "article");
  g_assert_cmpstr (json_object_get_string_member (article, "title"), ==, "Junior doctors to strike from 24 to 28 February");
  g_assert_cmpstr (json_object_get_string_member (article, "publisher"), ==, "The Example Times");
  g_assert_cmpstr (json_object_get_string_member (article, "published"), ==, "2024-02-09");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (article, "paragraphs")), ==, 6);
  candidates = json_object_get_array_member (root, "candidates");
  g_assert_cmpuint (json_array_get_length (candidates), ==, 1);
  cand = json_array_get_object_element (candidates, 0);
  g_assert_cmpstr (json_object_get_string_member (cand, "type"), ==, "event");
  g_assert_cmpstr (json_object_get_string_member (cand, "kind"), ==, "strike");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (cand, "groups"), 0), ==, "resident");
  g_assert_cmpstr (json_object_get_string_member (cand, "start"), ==, "2024-02-24T07:00");
  g_assert_cmpstr (json_object_get_string_member (cand, "end"), ==, "2024-02-28T23:59");
  g_assert_cmpstr (json_object_get_string_member (cand, "quote"), ==,
                   "Thousands of medics will now go on strike in England from 7am on February 24 until 11.59pm on February 28.");
  g_assert_cmpfloat (json_object_get_double_member (cand, "confidence"), >, 0.0);
  /* the bundled dataset has this strike */
  g_assert_cmpstr (json_object_get_string_member (cand, "matches"), ==, "rd-2024-02");
}

static void
test_cli_stdin (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *cand;
  int status = run_cli ((const char *[]) { "--extract=-", "--published=2023-11-06", "--format=json", NULL },
                        "A DHSC spokesperson said consultants got a 6% pay rise.\n", &out, &err);

  if (status < 0)
    return;
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_node_is_null (json_object_get_member (json_object_get_object_member (root, "article"), "title")));
  cand = json_array_get_object_element (json_object_get_array_member (root, "candidates"), 0);
  g_assert_cmpstr (json_object_get_string_member (cand, "type"), ==, "figure");
  g_assert_cmpstr (json_object_get_string_member (cand, "metric"), ==, "pay-award");
  g_assert_cmpfloat (json_object_get_double_member (cand, "value"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (cand, "unit"), ==, "percent");
  g_assert_cmpstr (json_object_get_string_member (cand, "group"), ==, "consultant");
  g_assert_cmpstr (json_object_get_string_member (cand, "claimant"), ==, "government");

  /* the table names the same */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run_cli ((const char *[]) { "--extract=-", "--published=2023-11-06", NULL },
                    "A DHSC spokesperson said consultants got a 6% pay rise.\n", &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "pay-award"));
  g_assert_nonnull (strstr (out, "1 candidate"));
}

static void
test_cli_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-import-XXXXXX", NULL);
  g_autofree char *bin_path = g_build_filename (dir, "picture.txt", NULL);
  g_autofree char *arg = g_strdup_printf ("--extract=%s", bin_path);
  struct {
    const char * const *args;
    int status;
    const char *message;
  } cases[] = {
    { (const char *[]) { arg, NULL }, 1, "binary data" },
    { (const char *[]) { "--extract=/nonexistent/article.txt", NULL }, 1, "Could not open" },
    { (const char *[]) { "--extract=-", "--published=2024-02-30", NULL }, 2, "--published needs a date" },
    { (const char *[]) { "--extract=-", "--format=csv", NULL }, 2, "--format for --extract" },
    { (const char *[]) { "--extract=-", "--summary", NULL }, 2, "choose one of" },
    { (const char *[]) { "--published=2024-02-01", "--summary", NULL }, 2, "--published goes with --extract" },
  };

  g_assert_true (g_file_set_contents (bin_path, "\x89PNG\r\n\x1a\n\0\0\0", 11, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = run_cli (cases[i].args, "", &out, &err);

      if (status < 0)
        break;
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_cmpstr (out, ==, "");
    }
  g_remove (bin_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/html/article", test_html_article);
  g_test_add_func ("/import/html/no-article", test_html_no_article);
  g_test_add_func ("/import/html/nested-tables", test_html_nested_tables);
  g_test_add_func ("/import/html/fallbacks", test_html_fallbacks);
  g_test_add_func ("/import/html/large", test_html_large);
  g_test_add_func ("/import/html/deep", test_html_deep);
  g_test_add_func ("/import/html/external-entity", test_html_external_entity);
  g_test_add_func ("/import/bad-input", test_bad_input);
  g_test_add_func ("/import/too-large", test_too_large);
  g_test_add_func ("/import/text", test_text);
  g_test_add_func ("/import/markdown", test_markdown);
  g_test_add_func ("/import/find-existing", test_find_existing);
  g_test_add_func ("/import/cli/json", test_cli_json);
  g_test_add_func ("/import/cli/stdin", test_cli_stdin);
  g_test_add_func ("/import/cli/errors", test_cli_errors);
  return g_test_run ();
}
