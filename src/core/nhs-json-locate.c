/* nhs-json-locate.c: find where a JSON path stands in the text
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib keeps no positions in its tree, and asking the parser for them
 * on every member would slow every load. Errors are rare, so on an error we
 * walk the text once more, without building anything, to where the path
 * points. The walk is iterative: no recursion, however deep the nesting.
 */
#define G_LOG_DOMAIN "nhs-json-locate"

#include "config.h"

#include <string.h>

#include "nhs-json-locate.h"

typedef struct
{
  const char *p;
  const char *end;
} Scan;

static void
skip_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* p at the opening quote; leaves p after the closing one */
static gboolean
skip_string (Scan *s)
{
  if (s->p >= s->end || *s->p != '"')
    return FALSE;
  for (s->p++; s->p < s->end; s->p++)
    {
      if (*s->p == '\\')
        s->p++;
      else if (*s->p == '"')
        {
          s->p++;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
skip_value (Scan *s)
{
  gsize depth = 0;

  skip_ws (s);
  if (s->p >= s->end)
    return FALSE;

  if (*s->p != '{' && *s->p != '[')
    {
      if (*s->p == '"')
        return skip_string (s);
      while (s->p < s->end && !strchr (",]} \t\r\n", *s->p))
        s->p++;
      return TRUE;
    }

  while (s->p < s->end)
    {
      char c = *s->p;

      if (c == '"')
        {
          if (!skip_string (s))
            return FALSE;
          continue;
        }
      if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (--depth == 0)
            {
              s->p++;
              return TRUE;
            }
        }
      s->p++;
    }
  return FALSE;
}

/* p at '{': moves p to the value of member key, or leaves it at '{' */
static gboolean
enter_member (Scan       *s,
              const char *key,
              gsize       key_len)
{
  const char *object = s->p;

  if (s->p >= s->end || *s->p != '{')
    return FALSE;
  s->p++;

  for (;;)
    {
      const char *name;
      gsize name_len;

      skip_ws (s);
      if (s->p >= s->end || *s->p != '"')
        break;
      name = s->p + 1;
      if (!skip_string (s))
        break;
      name_len = (gsize) (s->p - name - 1);
      skip_ws (s);
      if (s->p >= s->end || *s->p != ':')
        break;
      s->p++;
      skip_ws (s);
      if (name_len == key_len && memcmp (name, key, key_len) == 0)
        return TRUE;
      if (!skip_value (s))
        break;
      skip_ws (s);
      if (s->p >= s->end || *s->p != ',')
        break;
      s->p++;
    }

  s->p = object;
  return FALSE;
}

static gboolean
enter_element (Scan   *s,
               guint64 index)
{
  if (s->p >= s->end || *s->p != '[')
    return FALSE;
  s->p++;
  for (guint64 i = 0; i < index; i++)
    {
      if (!skip_value (s))
        return FALSE;
      skip_ws (s);
      if (s->p >= s->end || *s->p != ',')
        return FALSE;
      s->p++;
    }
  skip_ws (s);
  return s->p < s->end && *s->p != ']';
}

void
nhs_text_offset_to_line_column (const char *text,
                                gsize       offset,
                                int        *line,
                                int        *column)
{
  int l = 1;
  const char *line_start = text;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        l++;
        line_start = text + i + 1;
      }
  *line = l;
  /* count characters, not bytes; invalid UTF-8 counts a byte each */
  *column = 1;
  for (const char *q = line_start; q < text + offset; q++)
    if (((guchar) *q & 0xC0) != 0x80)
      (*column)++;
}

gboolean
nhs_json_locate (const char *text,
                 gsize       len,
                 const char *path,
                 int        *line,
                 int        *column)
{
  Scan s = { text, text + len };
  const char *seg;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] != '$')
    return FALSE;
  skip_ws (&s);

  seg = path + 1;
  while (*seg)
    {
      if (*seg == '.')
        {
          const char *key = ++seg;

          while (*seg && *seg != '.' && *seg != '[')
            seg++;
          if (!enter_member (&s, key, (gsize) (seg - key)))
            break;
        }
      else if (*seg == '[')
        {
          char *endp = NULL;
          guint64 index = g_ascii_strtoull (seg + 1, &endp, 10);

          if (endp == NULL || *endp != ']')
            return FALSE;
          seg = endp + 1;
          if (!enter_element (&s, index))
            return FALSE;
        }
      else
        return FALSE;
    }

  if (s.p >= s.end)
    return FALSE;
  nhs_text_offset_to_line_column (text, (gsize) (s.p - text), line, column);
  return TRUE;
}
