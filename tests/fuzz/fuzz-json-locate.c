/* fuzz-json-locate.c: libFuzzer target for the JSON path locator
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a JSON path, a newline, then any text:
 *   $.events[3].start
 *   {"events": [ … ] }
 * nhs_json_locate() runs on the text with that path. The text is copied to
 * a buffer of exactly its length (not NUL-terminated), so ASan catches any
 * read past the end. A position found must lie within the text.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "nhs-json-locate.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *newline = memchr (data, '\n', size);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize path_len, text_len;
  int line = 0, column = 0;
  int lines = 1;

  if (newline == NULL)
    return 0;
  path_len = (gsize) (newline - data);
  path = g_strndup ((const char *) data, path_len);
  text_len = size - path_len - 1;
  /* g_malloc (0) is NULL; the locator wants a pointer */
  text = g_malloc (MAX (text_len, 1));
  memcpy (text, newline + 1, text_len);

  for (gsize i = 0; i < text_len; i++)
    lines += text[i] == '\n';

  if (nhs_json_locate (text, text_len, path, &line, &column))
    {
      fuzz_assert (line >= 1 && line <= lines);
      fuzz_assert (column >= 1 && (gsize) column <= text_len);
    }

  nhs_text_offset_to_line_column (text, text_len, &line, &column);
  fuzz_assert (line == lines);
  fuzz_assert (column >= 1);
  return 0;
}
