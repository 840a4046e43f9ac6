/* fuzz-article-import.c: libFuzzer target for the article import (web
 * pages, text and Markdown)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the format (auto, text, Markdown, HTML); the rest
 * is the file. Whatever the bytes: an error with a message, or an article
 * whose body is UTF-8 paragraphs, none empty, each without a newline
 * inside or spaces at its ends, and whose metadata is UTF-8. The body then
 * goes through the extractor, as the window and --extract do.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "nhs-article-import.h"
#include "nhs-extract.h"

static void
check_field (const char *s)
{
  if (s)
    fuzz_assert (g_utf8_validate (s, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) article = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  NhsArticleFormat format;

  if (size == 0)
    return 0;
  format = data[0] % 4;
  bytes = g_bytes_new (data + 1, size - 1);
  article = nhs_article_import_bytes (bytes, format, "fuzz", &error);
  if (article == NULL)
    {
      fuzz_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  fuzz_assert (error == NULL);
  fuzz_assert (g_utf8_validate (article->body, -1, NULL));
  fuzz_assert (article->body[0] != '\0');
  {
    g_auto(GStrv) paragraphs = g_strsplit (article->body, "\n", -1);
    for (guint i = 0; paragraphs[i]; i++)
      {
        gsize n = strlen (paragraphs[i]);
        fuzz_assert (n > 0);
        fuzz_assert (paragraphs[i][0] != ' ' && paragraphs[i][n - 1] != ' ');
      }
  }
  check_field (article->title);
  check_field (article->publisher);
  check_field (article->published);
  check_field (article->url);
  if (article->published)
    fuzz_assert (strlen (article->published) == 10);

  candidates = nhs_extract (article->body, -1, article->published, NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      NhsCandidate *c = candidates->pdata[i];
      fuzz_assert (strncmp (article->body + c->quote_start, c->quote, strlen (c->quote)) == 0);
    }
  return 0;
}
