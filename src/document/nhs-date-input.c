/* nhs-date-input.c: dates and times as people type them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the shape is read here; whether the day exists in the dataset's
 * time zone is the loader's to say, when the edit is checked.
 */
#define G_LOG_DOMAIN "nhs-date-input"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nhs-date-input.h"

static const char * const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

typedef struct
{
  const char *p;
} Scan;

static void
skip_separators (Scan *s)
{
  while (*s->p == ' ' || *s->p == ',' || *s->p == '\t')
    s->p++;
}

static gboolean
number (Scan *s,
        int   max_digits,
        int  *out,
        int  *n_digits)
{
  int v = 0, n = 0;

  while (g_ascii_isdigit (s->p[n]) && n < max_digits)
    {
      v = v * 10 + (s->p[n] - '0');
      n++;
    }
  if (n == 0 || g_ascii_isdigit (s->p[n]))
    return FALSE;
  s->p += n;
  *out = v;
  if (n_digits)
    *n_digits = n;
  return TRUE;
}

/* "Feb", "February", "Sept" */
static gboolean
month_name (Scan *s,
            int  *out)
{
  gsize n = 0;
  g_autofree char *word = NULL;

  while (g_ascii_isalpha (s->p[n]))
    n++;
  if (n < 3)
    return FALSE;
  word = g_ascii_strdown (s->p, n);
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strncmp (word, months[i], 3) == 0)
      {
        static const char * const full[] = {
          "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december",
        };
        /* a prefix of the full name ("Sept", "Febr"), or the name */
        if (!g_str_has_prefix (full[i], word))
          return FALSE;
        s->p += n;
        if (*s->p == '.')
          s->p++;
        *out = (int) i + 1;
        return TRUE;
      }
  return FALSE;
}

/* "07:00", "7:00", "7am", "11.59pm", "0700"; FALSE when there is none */
static gboolean
time_of_day (Scan *s,
             int  *hour,
             int  *minute)
{
  Scan t = *s;
  int h, m = 0, digits;

  if (!number (&t, 4, &h, &digits))
    return FALSE;
  if (digits == 4)
    {
      m = h % 100;
      h /= 100;
    }
  else if (digits > 2)
    return FALSE;
  else if (*t.p == ':' || *t.p == '.')
    {
      t.p++;
      if (!number (&t, 2, &m, &digits) || digits != 2)
        return FALSE;
    }
  while (*t.p == ' ')
    t.p++;
  if (g_ascii_strncasecmp (t.p, "am", 2) == 0 || g_ascii_strncasecmp (t.p, "pm", 2) == 0)
    {
      gboolean pm = g_ascii_tolower (*t.p) == 'p';

      if (h < 1 || h > 12)
        return FALSE;
      h = h % 12 + (pm ? 12 : 0);
      t.p += 2;
    }
  else if (digits == 1 && *t.p != ':' && m == 0 && t.p == s->p + 1)
    return FALSE;               /* a lone digit is no time */
  if (h > 23 || m > 59)
    return FALSE;
  *hour = h;
  *minute = m;
  *s = t;
  return TRUE;
}

static gboolean
iso_form (const char *text)
{
  /* YYYY-MM-DD, then nothing or "T" and the rest: the loader reads it */
  return strlen (text) >= 10 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[3]) &&
         text[4] == '-' && text[7] == '-' && (text[10] == '\0' || text[10] == 'T');
}

char *
nhs_date_input_parse (const char  *text,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  Scan s;
  int year = 0, month = 0, day = 0, hour = -1, minute = 0, digits;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type a date, such as 24 Feb 2024 07:00"));
      return NULL;
    }
  if (iso_form (trimmed))
    return g_steal_pointer (&trimmed);

  s.p = trimmed;
  if (g_ascii_isdigit (*s.p))
    {
      int first;

      if (!number (&s, 4, &first, &digits))
        goto bad;
      if (digits == 4 && *s.p == '-')
        {
          /* 2024-02-24 07:00 */
          year = first;
          s.p++;
          if (!number (&s, 2, &month, NULL) || *s.p++ != '-' || !number (&s, 2, &day, NULL))
            goto bad;
        }
      else if (digits <= 2 && (*s.p == '/' || *s.p == '.' || *s.p == '-'))
        {
          /* 24/02/2024: day first */
          char sep = *s.p++;

          day = first;
          if (!number (&s, 2, &month, NULL) || *s.p++ != sep || !number (&s, 4, &year, &digits) || digits != 4)
            goto bad;
        }
      else if (digits <= 2)
        {
          /* 24 Feb 2024 */
          day = first;
          while (*s.p == ' ' || *s.p == '-')
            s.p++;
          if (!month_name (&s, &month))
            goto bad;
          while (*s.p == ' ' || *s.p == '-' || *s.p == ',')
            s.p++;
          if (!number (&s, 4, &year, &digits) || digits != 4)
            goto bad;
        }
      else
        goto bad;
    }
  else
    {
      /* Feb 24, 2024 */
      if (!month_name (&s, &month))
        goto bad;
      skip_separators (&s);
      if (!number (&s, 2, &day, NULL))
        goto bad;
      skip_separators (&s);
      if (!number (&s, 4, &year, &digits) || digits != 4)
        goto bad;
    }

  skip_separators (&s);
  if (*s.p == 'T' || *s.p == 't')
    s.p++;
  else if (g_ascii_strncasecmp (s.p, "at ", 3) == 0)
    s.p += 3;
  if (*s.p != '\0')
    {
      if (!time_of_day (&s, &hour, &minute))
        goto bad;
      skip_separators (&s);
      if (*s.p != '\0')
        goto bad;
    }

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("There is no such day as “%s”"), trimmed);
      return NULL;
    }
  if (hour < 0)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a date this app reads; type it as 24 Feb 2024 07:00, 24/02/2024 or 2024-02-24T07:00"),
               trimmed);
  return NULL;
}
