/* test-briefing.c: the briefing's content and its Markdown, without a display
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF and HTML are read back with poppler and tidy in
 * check-briefing.py; here, what the document says (key numbers, references)
 * and how dataset text is made literal in Markdown.
 */
#include "config.h"

#include <string.h>

#include "nhs-briefing.h"
#include "nhs-dataset-loader.h"

static void
test_markdown_escape (void)
{
  const struct {
    const char *text;
    gboolean in_table;
    const char *escaped;
  } cases[] = {
    { "plain words, 4.5% and £1,250", FALSE, "plain words, 4.5% and £1,250" },
    { "*bold* _em_ `code` [link](x) <b> & # ! ~ {} $ ^", FALSE,
      "\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](x) \\<b\\> \\& \\# \\! \\~ \\{\\} \\$ \\^" },
    { "a \\ b", FALSE, "a \\\\ b" },
    { "1. not a list", FALSE, "1\\. not a list" },
    { "2023) neither", FALSE, "2023\\) neither" },
    { "- nor + this", FALSE, "\\- nor + this" },
    { "first\n- second\n= third", FALSE, "first\\\n\\- second\\\n\\= third" },
    { "    not code", FALSE, "not code" },
    { "a | b", FALSE, "a \\| b" },
    { "cell | with\nbreak", TRUE, "cell \\| with break" },
    { "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb7\xd8\xa8\xd8\xa7\xd8\xa1 — 29.2%", FALSE,
      "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb7\xd8\xa8\xd8\xa7\xd8\xa1 — 29.2%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = nhs_markdown_escape (cases[i].text, cases[i].in_table);
      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

static void
test_names (void)
{
  NhsBriefingFormat format;
  NhsPaperSize paper;

  g_assert_true (nhs_briefing_format_for_path ("a/Brief.PDF", &format));
  g_assert_cmpint (format, ==, NHS_BRIEFING_FORMAT_PDF);
  g_assert_true (nhs_briefing_format_for_path ("b.markdown", &format));
  g_assert_cmpint (format, ==, NHS_BRIEFING_FORMAT_MARKDOWN);
  g_assert_true (nhs_briefing_format_for_path ("c.htm", &format));
  g_assert_cmpint (format, ==, NHS_BRIEFING_FORMAT_HTML);
  g_assert_false (nhs_briefing_format_for_path ("d.txt", &format));
  g_assert_false (nhs_briefing_format_for_path ("pdf", &format));

  g_assert_true (nhs_paper_size_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, NHS_PAPER_LETTER);
  g_assert_true (nhs_paper_size_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, NHS_PAPER_A4);
  g_assert_false (nhs_paper_size_from_string ("a5", &paper));
  /* the tests run in the C locale, whose paper is A4 */
  g_assert_cmpint (nhs_paper_size_from_locale (), ==, NHS_PAPER_A4);
}

static void
test_source_date_epoch (void)
{
  NhsBriefingOptions options;

  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  nhs_briefing_options_init (&options);
  g_assert_cmpint (options.created, ==, 1700000000);
  g_assert_cmpint (options.paper, ==, NHS_PAPER_AUTO);
  /* not a number: the clock */
  g_setenv ("SOURCE_DATE_EPOCH", "yesterday", TRUE);
  nhs_briefing_options_init (&options);
  g_assert_cmpint (options.created, >, 1700000000);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static char *
markdown_of (NhsDataset     *dataset,
             NhsEventFilter *filter)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  NhsBriefingOptions options;

  nhs_briefing_options_init (&options);
  options.created = 1700000000;
  bytes = nhs_briefing_to_bytes (dataset, filter, &options, NHS_BRIEFING_FORMAT_MARKDOWN, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The consultants' key numbers as the bundled dataset gives them: four
 * walkouts of nine days in all; the latest award the 2025/26 one, cited
 * first; no claim */
static void
test_consultants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bundled (&error);
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autofree char *md = NULL;
  const char *refs;

  g_assert_no_error (error);
  nhs_event_filter_set_only_groups (filter, dataset, (const char *[]) { "consultant", NULL });
  md = markdown_of (dataset, filter);

  g_assert_nonnull (strstr (md, "\nShown: \xe2\x81\xa8" "Consultants\xe2\x81\xa9.\n"));
  g_assert_nonnull (strstr (md, "\n*Made on 14 November 2023 with "));
  g_assert_nonnull (strstr (md, "\n| Consultants | 4 | 9 |\n"));
  g_assert_nonnull (strstr (md, "\n| Consultants | 4% \xe2\x81\xa8headline\xe2\x81\xa9, \xe2\x81\xa8" "2025/26\xe2\x81\xa9 \\[1\\] | none in the data |\n"));
  /* the residents' rows are not there */
  g_assert_null (strstr (md, "| Resident"));

  refs = strstr (md, "\n## References\n\n");
  g_assert_nonnull (refs);
  /* reference 1 is the source of the latest award, cited first */
  g_assert_true (g_str_has_prefix (refs, "\n## References\n\n1. Doctors: job security and pay (written question 89403). Parallel Parliament."));
  /* the references are numbered 1 to N without a gap, and N is the
   * highest number the text before them cites */
  {
    guint n_refs = 0, max_cited = 0;
    const char *p;

    for (;;)
      {
        g_autofree char *item = g_strdup_printf ("\n%u. ", n_refs + 1);
        if (strstr (refs, item) == NULL)
          break;
        n_refs++;
      }
    for (p = md; p < refs && (p = strstr (p, "\\[")) != NULL && p < refs; p += 2)
      max_cited = MAX (max_cited, (guint) g_ascii_strtoull (p + 2, NULL, 10));
    g_assert_cmpuint (n_refs, >, 1);
    g_assert_cmpuint (n_refs, ==, max_cited);
  }
}

/* With every event filtered out, still a whole document that says so */
static void
test_no_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bundled (&error);
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *md = NULL;
  NhsBriefingOptions options;

  g_assert_no_error (error);
  nhs_event_filter_set_search (filter, "no event has this word xyzzy");
  md = markdown_of (dataset, filter);
  {
    /* the date the dataset says it was checked, as the briefing writes dates */
    g_autofree char *as_of = g_date_time_format (nhs_dataset_get_updated (dataset), "%-d %B %Y");
    g_autofree char *line = g_strdup_printf ("\nNo events match, data as of %s.\n", as_of);

    g_assert_nonnull (strstr (md, line));
  }
  g_assert_nonnull (strstr (md, "## Events\n\nNo events match.\n\n## References\n"));

  nhs_briefing_options_init (&options);
  pdf = nhs_briefing_to_bytes (dataset, filter, &options, NHS_BRIEFING_FORMAT_PDF, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/briefing/markdown-escape", test_markdown_escape);
  g_test_add_func ("/briefing/names", test_names);
  g_test_add_func ("/briefing/source-date-epoch", test_source_date_epoch);
  g_test_add_func ("/briefing/consultants", test_consultants);
  g_test_add_func ("/briefing/no-events", test_no_events);
  return g_test_run ();
}
