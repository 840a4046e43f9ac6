/* test-csv.h: reading back what the CSV writer wrote, for the tests and
 * the fuzz targets
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Reads RFC 4180 records (CRLF after each record, fields with a comma, a
 * quote or a line break in double quotes, "" for a quote inside them) into
 * an array of records, each an array of strings. NULL when the text breaks
 * the rules. */
static inline GPtrArray *
test_csv_parse (const char *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = NULL;
  const char *p = text;

  while (*p)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (record == NULL)
        {
          record = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (records, record);
        }
      if (*p == '"')
        {
          for (p++;; p++)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '"')
                {
                  if (p[1] != '"')
                    break;
                  p++;
                }
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        while (*p && *p != ',' && *p != '\r' && *p != '\n')
          {
            if (*p == '"')
              return NULL;
            g_string_append_c (field, *p++);
          }
      g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));

      if (*p == ',')
        p++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          record = NULL;
        }
      else
        return NULL;
    }
  return g_steal_pointer (&records);
}
