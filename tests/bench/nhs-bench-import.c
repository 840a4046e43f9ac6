/* nhs-bench-import.c: figures for docs/benchmarks.md, bringing in an article
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints "key value" lines (build-aux/bench makes the table):
 * - extraction of an article of 5,000 words: the bundled dataset's articles
 *   one after another, again and again, to 5,000 words (news text, so the
 *   extractor finds what it finds in news);
 * - the import of a web page built around those paragraphs the way news
 *   sites build theirs: a head with metadata, JSON-LD and 300 kB of
 *   scripts and styles, navigation, the article, related links, a footer.
 * and the same page with the article 320 times over (10 MB, as in the
 * tests). Times are the best of 20 runs (3 for the large page), in
 * milliseconds.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "nhs-article-import.h"
#include "nhs-dataset-loader.h"
#include "nhs-extract.h"
#include "nhs-model.h"

#define RUNS 20

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static char *
build_article (NhsDataset *dataset)
{
  GListModel *articles = nhs_dataset_get_articles (dataset);
  GString *text = g_string_new (NULL);
  guint words = 0;

  while (words < 5000)
    for (guint i = 0; i < g_list_model_get_n_items (articles) && words < 5000; i++)
      {
        g_autoptr(NhsArticle) article = g_list_model_get_item (articles, i);
        g_auto(GStrv) paras = g_strsplit (nhs_article_get_body (article), "\n", -1);

        for (guint p = 0; paras[p] && words < 5000; p++)
          {
            if (text->len)
              g_string_append_c (text, '\n');
            g_string_append (text, paras[p]);
            words += count_words (paras[p]);
          }
      }
  return g_string_free (text, FALSE);
}

static char *
build_page (const char *body,
            guint       copies)
{
  GString *page = g_string_new ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n"
                                "<title>Junior doctors to strike | Example News</title>\n"
                                "<meta property=\"og:title\" content=\"Junior doctors to strike\">\n"
                                "<meta property=\"og:site_name\" content=\"Example News\">\n"
                                "<meta property=\"article:published_time\" content=\"2024-02-09T10:30:00Z\">\n"
                                "<link rel=\"canonical\" href=\"https://news.example.org/a\">\n"
                                "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-02-09\"}</script>\n");
  g_auto(GStrv) paras = g_strsplit (body, "\n", -1);

  while (page->len < 300 * 1024)
    g_string_append (page, "<script>window.dataLayer = window.dataLayer || []; function track(e) { dataLayer.push({event: e, t: Date.now()}); }</script>\n"
                           "<style>.story p { margin: 0 0 1em; font: 18px/1.5 Georgia, serif } .nav li { display: inline-block }</style>\n");
  g_string_append (page, "</head><body><header><nav class=\"nav\"><ul>");
  for (int i = 0; i < 60; i++)
    g_string_append_printf (page, "<li><a href=\"/section/%d\">Section %d</a></li>", i, i);
  g_string_append (page, "</ul></nav></header><main><article class=\"story\"><h1>Junior doctors to strike</h1>\n");
  for (guint copy = 0; copy < copies; copy++)
  for (guint i = 0; paras[i]; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (paras[i], -1);
      g_string_append_printf (page, "<p style=\"margin:0\">%s</p>\n", escaped);
      if (i % 8 == 7)
        g_string_append (page, "<aside class=\"related\"><ul><li><a href=\"/x\">Read more: related story</a></li></ul></aside>\n");
    }
  g_string_append (page, "</article></main><footer><p>© Example News</p></footer></body></html>\n");
  return g_string_free (page, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bundled (&error);
  g_autofree char *article = NULL;
  g_autofree char *page = NULL;
  g_autofree char *large = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) large_bytes = NULL;
  double best_extract = G_MAXDOUBLE, best_import = G_MAXDOUBLE, best_large = G_MAXDOUBLE;
  guint n_candidates = 0;

  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  article = build_article (dataset);
  page = build_page (article, 1);
  bytes = g_bytes_new_static (page, strlen (page));
  /* the 10 MB page of the tests, for scale */
  large = build_page (article, 320);
  large_bytes = g_bytes_new_static (large, strlen (large));

  for (int run = 0; run < RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GPtrArray) candidates = nhs_extract (article, -1, "2024-02-09", dataset);
      gint64 t1 = g_get_monotonic_time ();

      best_extract = MIN (best_extract, (t1 - t0) / 1000.0);
      n_candidates = candidates->len;
    }
  for (int run = 0; run < RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(NhsImportedArticle) imported = nhs_article_import_bytes (bytes, NHS_ARTICLE_FORMAT_HTML, "page.html", &error);
      gint64 t1 = g_get_monotonic_time ();

      if (imported == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      best_import = MIN (best_import, (t1 - t0) / 1000.0);
    }

  for (int run = 0; run < 3; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(NhsImportedArticle) imported = nhs_article_import_bytes (large_bytes, NHS_ARTICLE_FORMAT_HTML, "large.html", &error);
      gint64 t1 = g_get_monotonic_time ();

      if (imported == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      best_large = MIN (best_large, (t1 - t0) / 1000.0);
    }

  printf ("extract_words %u\n", count_words (article));
  printf ("extract_candidates %u\n", n_candidates);
  printf ("extract_ms %.3f\n", best_extract);
  printf ("import_page_kb %.0f\n", strlen (page) / 1024.0);
  printf ("import_ms %.3f\n", best_import);
  printf ("import_large_mb %.1f\n", strlen (large) / 1048576.0);
  printf ("import_large_ms %.3f\n", best_large);
  return 0;
}
