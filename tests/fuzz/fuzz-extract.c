/* fuzz-extract.c: libFuzzer target for the extractor
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a publication date line (YYYY-MM-DD, or anything, which
 * then counts as none), then the text. Text that is not UTF-8 is skipped:
 * the import refuses it before extraction. The text is copied to a buffer
 * of exactly its length, so ASan catches any read past the end. Every
 * candidate's quote must be the text's own bytes where it says, on
 * character boundaries; dates must be dataset dates, an end never before
 * its start; every mark must lie within the text.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "nhs-extract.h"

static gboolean
dataset_date (const char *s)
{
  int y, m, d;

  if (s == NULL || strlen (s) < 10 || sscanf (s, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  return strlen (s) == 10 || (strlen (s) == 16 && s[10] == 'T');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *newline = memchr (data, '\n', size);
  g_autofree char *published = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GArray) marks = NULL;
  gsize len;

  if (newline == NULL)
    return 0;
  published = g_strndup ((const char *) data, newline - data);
  len = size - (newline - data) - 1;
  text = g_malloc (MAX (len, 1));
  memcpy (text, newline + 1, len);
  if (!g_utf8_validate_len (text, len, NULL) || memchr (text, '\0', len))
    return 0;

  candidates = nhs_extract (text, len, published, NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      NhsCandidate *c = candidates->pdata[i];

      fuzz_assert (c->quote_start < c->quote_end && c->quote_end <= len);
      fuzz_assert (strlen (c->quote) == c->quote_end - c->quote_start);
      fuzz_assert (memcmp (text + c->quote_start, c->quote, c->quote_end - c->quote_start) == 0);
      fuzz_assert (g_utf8_validate (c->quote, -1, NULL));
      fuzz_assert (c->confidence > 0.0 && c->confidence < 1.0);
      if (c->type == NHS_CANDIDATE_EVENT)
        {
          fuzz_assert (c->groups && c->groups[0]);
          fuzz_assert (dataset_date (c->start));
          fuzz_assert (c->end == NULL || dataset_date (c->end));
          fuzz_assert (c->end == NULL || strncmp (c->start, c->end, 10) <= 0);
        }
      else
        fuzz_assert (c->precision > 0);
    }

  marks = nhs_extract_marks (text, len);
  for (guint i = 0; i < marks->len; i++)
    {
      NhsMark *m = &g_array_index (marks, NhsMark, i);
      fuzz_assert (m->start < m->end && m->end <= len);
      fuzz_assert (i == 0 || g_array_index (marks, NhsMark, i - 1).end <= m->start);
    }
  return 0;
}
