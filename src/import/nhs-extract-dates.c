/* nhs-extract-dates.c: the words of dates and times, and the grammar of a date or a range
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-extract"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nhs-extract-private.h"

/* ---- words --------------------------------------------------------------- */

static int
month_from_word (const char *w)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };
  static const char * const abbrev[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (int m = 0; m < 12; m++)
    if (strcmp (w, months[m]) == 0 || strcmp (w, abbrev[m]) == 0)
      return m + 1;
  if (strcmp (w, "sept") == 0)
    return 9;
  return 0;
}

/* 1 = Monday … 7 = Sunday, as GDateWeekday */
static int
weekday_from_word (const char *w)
{
  static const char * const days[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  };
  for (int d = 0; d < 7; d++)
    if (strcmp (w, days[d]) == 0)
      return d + 1;
  return 0;
}

static int
number_word (const char *w)
{
  static const char * const words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
  };
  for (int i = 0; i < (int) G_N_ELEMENTS (words); i++)
    if (strcmp (w, words[i]) == 0)
      return i;
  if (strcmp (w, "a") == 0 || strcmp (w, "an") == 0)
    return 1;
  return -1;
}

/* A day of the month: "24", "24th", "1st" */
static int
day_from_token (const Token *t)
{
  char *endp;
  long v;

  if (t->type != TOK_NUM)
    return 0;
  v = strtol (t->lower, &endp, 10);
  if (endp - t->lower > 2 || v < 1 || v > 31)
    return 0;
  if (*endp == '\0' || strcmp (endp, "st") == 0 || strcmp (endp, "nd") == 0 ||
      strcmp (endp, "rd") == 0 || strcmp (endp, "th") == 0)
    return (int) v;
  return 0;
}

int
_nhs_extract_year_from_token (const Token *t)
{
  if (t->type == TOK_NUM && strlen (t->lower) == 4 &&
      g_ascii_isdigit (t->lower[0]) && g_ascii_isdigit (t->lower[3]))
    {
      int y = atoi (t->lower);
      if (y >= 1900 && y <= 2100)
        return y;
    }
  return 0;
}

/* A time of day: "7am", "11.59pm", "7.30am", "07:00", "noon",
 * "midnight"; "7" followed by a separate "am"/"pm" token too. Returns
 * the minutes after midnight, or -1; *used is the tokens it took. */
static int
time_from_tokens (GArray *tokens,
                  guint   i,
                  guint  *used)
{
  const Token *t = &g_array_index (tokens, Token, i);
  const char *w = t->lower;
  char *endp;
  long h, m = 0;

  *used = 1;
  if (strcmp (w, "noon") == 0 || strcmp (w, "midday") == 0)
    return 12 * 60;
  if (strcmp (w, "midnight") == 0)
    return 0;
  if (t->type != TOK_NUM)
    return -1;
  h = strtol (w, &endp, 10);
  if (endp - w > 2)
    return -1;
  if (*endp == '.' || *endp == ':')
    {
      const char *ms = endp + 1;
      if (!g_ascii_isdigit (ms[0]) || !g_ascii_isdigit (ms[1]))
        return -1;
      m = (ms[0] - '0') * 10 + (ms[1] - '0');
      endp = (char *) ms + 2;
      if (m > 59)
        return -1;
    }
  if (*endp == '\0' && i + 1 < tokens->len)
    {
      const Token *n = &g_array_index (tokens, Token, i + 1);
      if (strcmp (n->lower, "am") == 0 || strcmp (n->lower, "pm") == 0 ||
          strcmp (n->lower, "a") == 0 || strcmp (n->lower, "p") == 0)
        {
          endp = (char *) n->lower;
          *used = 2;
        }
    }
  if (strncmp (endp, "am", 2) == 0 || strncmp (endp, "a", 1) == 0)
    {
      if (h < 1 || h > 12)
        return -1;
      return (int) ((h % 12) * 60 + m);
    }
  if (strncmp (endp, "pm", 2) == 0 || strncmp (endp, "p", 1) == 0)
    {
      if (h < 1 || h > 12)
        return -1;
      return (int) ((h % 12 + 12) * 60 + m);
    }
  /* 24-hour clock only with minutes written: a bare "7" is not a time */
  if (*endp == '\0' && strlen (w) >= 4 && w[strlen (w) - 3] == ':' && h <= 23)
    return (int) (h * 60 + m);
  return -1;
}

/* "72-hour", "five-day", or a number (word or digits) then "hours"/"days"
 * ("five days", "six full days", "48 hours"). Returns hours, or 0. */
int
_nhs_extract_duration_from_tokens (GArray *tokens,
                                   guint   i,
                                   guint  *used)
{
  const Token *t = &g_array_index (tokens, Token, i);
  const char *dash = strchr (t->lower, '-');
  int n = -1;

  *used = 1;
  if (dash)
    {
      g_autofree char *head = g_strndup (t->lower, dash - t->lower);
      const char *unit = dash + 1;

      n = g_ascii_isdigit (head[0]) ? atoi (head) : number_word (head);
      if (n <= 0 || n > 400)
        return 0;
      if (strcmp (unit, "hour") == 0)
        return n;
      if (strcmp (unit, "day") == 0)
        return n * 24;
      return 0;
    }
  if (t->type == TOK_NUM)
    {
      char *endp;
      long v = strtol (t->lower, &endp, 10);
      if (*endp != '\0' || v <= 0 || v > 400)
        return 0;
      n = (int) v;
    }
  else
    n = number_word (t->lower);
  if (n <= 0)
    return 0;
  for (guint j = i + 1; j < tokens->len && j <= i + 2; j++)
    {
      const Token *u = &g_array_index (tokens, Token, j);
      if (strcmp (u->lower, "full") == 0 || strcmp (u->lower, "consecutive") == 0 ||
          strcmp (u->lower, "straight") == 0 || strcmp (u->lower, "whole") == 0)
        continue;
      *used = j - i + 1;
      if (strcmp (u->lower, "hours") == 0 || strcmp (u->lower, "hour") == 0)
        return n;
      if (strcmp (u->lower, "days") == 0 || strcmp (u->lower, "day") == 0)
        return n * 24;
      return 0;
    }
  return 0;
}

/* ---- dates --------------------------------------------------------------- */

static void
point_init (DatePoint *p)
{
  *p = (DatePoint) { .time = -1 };
}

gboolean
_nhs_extract_point_has_day (const DatePoint *p)
{
  return (p->day && p->month) || p->weekday || p->rel >= REL_TODAY;
}

static const char * const part_of_day[] = { "morning", "afternoon", "evening", "night", "lunchtime", NULL };

/* Reads one point in time at token i: "[TIME [on]] [WEEKDAY[,]] (DAY
 * MONTH | MONTH DAY | the DAY of MONTH) [[,] YEAR] [at TIME]", a
 * weekday alone with its "next"/"last"/"this", "today", "yesterday",
 * "tomorrow", or a month alone ("in January", "June 2024"). Returns the
 * token after it, or i when there is none. */
static guint
parse_point (GArray    *tokens,
             guint      i,
             DatePoint *p)
{
  guint n = tokens->len;
  guint j = i;
  guint used;
  int time;
  const Token *t;

  point_init (p);
  if (j >= n)
    return i;

  /* "7am on February 24" */
  time = time_from_tokens (tokens, j, &used);
  if (time >= 0 && j + used < n)
    {
      guint k = j + used;
      DatePoint inner;
      guint after;

      if (strcmp (g_array_index (tokens, Token, k).lower, "on") == 0 ||
          strcmp (g_array_index (tokens, Token, k).lower, ",") == 0)
        k++;
      /* one time only: "7am, 8am, 9am…" must not recurse once a token */
      if (k < n && time_from_tokens (tokens, k, &used) >= 0)
        return i;
      after = parse_point (tokens, k, &inner);
      if (after > k && _nhs_extract_point_has_day (&inner))
        {
          *p = inner;
          p->time = time;
          return after;
        }
      return i;
    }

  t = &g_array_index (tokens, Token, j);
  if (strcmp (t->lower, "today") == 0 || strcmp (t->lower, "tonight") == 0)
    {
      p->rel = REL_TODAY;
      return j + 1;
    }
  if (strcmp (t->lower, "yesterday") == 0)
    {
      p->rel = REL_YESTERDAY;
      return j + 1;
    }
  if (strcmp (t->lower, "tomorrow") == 0)
    {
      p->rel = REL_TOMORROW;
      return j + 1;
    }
  if (strcmp (t->lower, "next") == 0 || strcmp (t->lower, "last") == 0 || strcmp (t->lower, "this") == 0)
    {
      if (j + 1 < n && weekday_from_word (g_array_index (tokens, Token, j + 1).lower))
        {
          p->rel = t->lower[0] == 'n' ? REL_NEXT : t->lower[0] == 'l' ? REL_LAST : REL_THIS;
          j++;
          t = &g_array_index (tokens, Token, j);
        }
      else
        return i;
    }

  if (t->upper && (p->weekday = weekday_from_word (t->lower)))
    {
      j++;
      /* "Thursday 24 and …" is a list, read by _nhs_extract_parse_expr () */
      if (j + 1 < n && day_from_token (&g_array_index (tokens, Token, j)) &&
          !month_from_word (g_array_index (tokens, Token, j + 1).lower) &&
          strcmp (g_array_index (tokens, Token, j + 1).lower, "of") != 0)
        return i;
      if (j < n && strcmp (g_array_index (tokens, Token, j).lower, ",") == 0 &&
          j + 1 < n && (day_from_token (&g_array_index (tokens, Token, j + 1)) ||
                        month_from_word (g_array_index (tokens, Token, j + 1).lower)))
        j++;
      if (j < n && (strcmp (g_array_index (tokens, Token, j).lower, "the") == 0))
        j++;
    }

  if (j < n)
    {
      const Token *u = &g_array_index (tokens, Token, j);
      int day = day_from_token (u);
      int month = month_from_word (u->lower);

      /* "may" is a month only beside a day or a year */
      if (month == 5 && u->lower[0] == 'm' && strcmp (u->lower, "may") == 0 &&
          !(j + 1 < n && (day_from_token (&g_array_index (tokens, Token, j + 1)) ||
                          _nhs_extract_year_from_token (&g_array_index (tokens, Token, j + 1)))) &&
          !(j > 0 && day_from_token (&g_array_index (tokens, Token, j - 1))))
        month = 0;

      if (day && j + 1 < n)
        {
          /* DAY [of] MONTH; a list "13, 14 and 15 March" is read by the
           * caller */
          guint k = j + 1;
          if (strcmp (g_array_index (tokens, Token, k).lower, "of") == 0)
            k++;
          if (k < n && (month = month_from_word (g_array_index (tokens, Token, k).lower)))
            {
              p->day = day;
              p->month = month;
              j = k + 1;
            }
        }
      else if (month && u->upper)
        {
          /* MONTH DAY, or a month alone (capitalised: "march" is a verb) */
          p->month = month;
          j++;
          if (j < n && (day = day_from_token (&g_array_index (tokens, Token, j))) &&
              !(j + 1 < n && strcmp (g_array_index (tokens, Token, j + 1).lower, "%") == 0))
            {
              /* not "March 2024": a year is four digits, a day one or two */
              p->day = day;
              j++;
            }
        }
    }

  if (p->month == 0 && p->weekday == 0)
    return i;
  if (p->month == 0 && !p->weekday)
    return i;

  /* [,] YEAR */
  if (p->month)
    {
      guint k = j;
      if (k < n && strcmp (g_array_index (tokens, Token, k).lower, ",") == 0)
        k++;
      if (k < n && (p->year = _nhs_extract_year_from_token (&g_array_index (tokens, Token, k))))
        j = k + 1;
    }

  /* WEEKDAY morning */
  if (j < n && tok_in (&g_array_index (tokens, Token, j), part_of_day))
    {
      p->morning = strcmp (g_array_index (tokens, Token, j).lower, "morning") == 0;
      j++;
    }

  /* at TIME, from TIME */
  if (j + 1 < n && (strcmp (g_array_index (tokens, Token, j).lower, "at") == 0 ||
                    strcmp (g_array_index (tokens, Token, j).lower, "from") == 0) &&
      (time = time_from_tokens (tokens, j + 1, &used)) >= 0)
    {
      p->time = time;
      j += 1 + used;
    }

  /* a weekday alone stands for a day only with a word that ties it to
   * one ("on Friday", "next Friday"); the caller checks "on" */
  return j;
}

static const char * const range_words[] = { "to", "until", "till", "til", "through", "-", "–", "—", "and", NULL };
const char * const _nhs_extract_start_words[] = { "from", "starting", "beginning", "begins", "began", "begin", "start", "starts", "started", "since", NULL };
const char * const _nhs_extract_end_words[] = { "until", "till", "ended", "ending", "ends", "end", "by", "finished", "finishes", "concluded", "closing", "closes", NULL };

/* Reads a date or a range at token i into e. Returns the token after it,
 * or i. */
guint
_nhs_extract_parse_expr (GArray   *tokens,
                         guint     i,
                         DateExpr *e)
{
  guint n = tokens->len;
  guint j, k;
  const Token *t = &g_array_index (tokens, Token, i);
  gboolean from = FALSE, between = FALSE;
  int first_day = 0;
  int last_listed = 0;

  memset (e, 0, sizeof *e);
  point_init (&e->a);
  point_init (&e->b);
  e->first = i;
  j = i;

  if (strcmp (t->lower, "from") == 0 || strcmp (t->lower, "between") == 0)
    {
      from = TRUE;
      between = t->lower[0] == 'b';
      j++;
    }

  if (j >= n)
    return i;

  /* "Thursday 24 and Friday 25 August": the first day's weekday */
  if (j + 2 < n && g_array_index (tokens, Token, j).upper &&
      weekday_from_word (g_array_index (tokens, Token, j).lower) &&
      day_from_token (&g_array_index (tokens, Token, j + 1)) &&
      !month_from_word (g_array_index (tokens, Token, j + 2).lower) &&
      strcmp (g_array_index (tokens, Token, j + 2).lower, "of") != 0)
    j++;

  /* a day without its month: "from 24 to 28 February", "13, 14 and 15
   * March", "24-28 February" */
  if ((first_day = day_from_token (&g_array_index (tokens, Token, j))) &&
      !(j + 1 < n && (month_from_word (g_array_index (tokens, Token, j + 1).lower) ||
                      strcmp (g_array_index (tokens, Token, j + 1).lower, "of") == 0)))
    {
      guint m = j + 1;
      gboolean listed = FALSE;

      /* the list's middle days */
      while (m + 1 < n && strcmp (g_array_index (tokens, Token, m).lower, ",") == 0 &&
             day_from_token (&g_array_index (tokens, Token, m + 1)) &&
             !(m + 2 < n && month_from_word (g_array_index (tokens, Token, m + 2).lower)))
        {
          last_listed = day_from_token (&g_array_index (tokens, Token, m + 1));
          m += 2;
          listed = TRUE;
        }
      if (m < n && (tok_in (&g_array_index (tokens, Token, m), range_words) ||
                    strcmp (g_array_index (tokens, Token, m).lower, ",") == 0) &&
          (listed || strcmp (g_array_index (tokens, Token, m).lower, ",") != 0))
        {
          DatePoint b;
          guint after = parse_point (tokens, m + 1, &b);

          if (after > m + 1 && b.day && b.month && b.time < 0)
            {
              e->a = b;
              e->a.day = first_day;
              e->a.weekday = 0;
              e->b = b;
              e->range = TRUE;
              e->last = after;
              e->a_first = j;
              e->a_last = j + 1;
              e->b_first = m + 1;
              e->role = ROLE_START;
              (void) last_listed;
              return (e->a.day <= e->b.day) ? after : i;
            }
        }
      return i;
    }

  k = parse_point (tokens, j, &e->a);
  if (k == j)
    return i;
  e->last = k;
  e->a_first = j;
  e->a_last = k;

  /* a second point: "from X to Y", "between X and Y", "X to Y" */
  if (k < n && tok_in (&g_array_index (tokens, Token, k), range_words) &&
      (between || strcmp (g_array_index (tokens, Token, k).lower, "and") != 0))
    {
      guint after = parse_point (tokens, k + 1, &e->b);

      if (after > k + 1 && _nhs_extract_point_has_day (&e->b) && _nhs_extract_point_has_day (&e->a))
        {
          if (e->b.month == 0 && e->b.weekday == 0)
            e->b.month = e->a.month;
          if (e->b.year == 0)
            e->b.year = e->a.year;
          else if (e->a.year == 0)
            e->a.year = e->b.year;
          e->range = TRUE;
          e->last = after;
          e->b_first = k + 1;
        }
      else
        point_init (&e->b);
    }
  if (!e->range && e->a.year == 0 && !from && e->a.day == 0 && e->a.weekday == 0)
    {
      /* a month alone: kept for marking, never an event's day */
    }
  if (from)
    e->role = ROLE_START;
  return e->last;
}

static const char * const future_words[] = {
  "will", "'ll", "shall", "set", "plan", "plans", "planned", "planning", "due", "going",
  "upcoming", "forthcoming", "announce", "announces", "announced", "called", "calls",
  "intend", "intends", "scheduled", "expected", "would", "to", NULL
};
static const char * const past_words[] = {
  "was", "were", "had", "ended", "staged", "held", "took", "began", "walked", "struck", "ago",
  "concluded", "finished", "went", "did", "happened", "last", NULL
};

/* The nearest tense marker before token i (or after, when none before) */
#define TENSE_WINDOW 40

Tense
_nhs_extract_tense_near (GArray *tokens,
                         guint   i)
{
  guint stop = i > TENSE_WINDOW ? i - TENSE_WINDOW : 0;

  for (guint k = i; k-- > stop;)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      /* "to" counts only after "set", "due", "going", "are", "is" */
      if (strcmp (t->lower, "to") == 0)
        {
          if (k > 0 && tok_in (&g_array_index (tokens, Token, k - 1),
                               (const char *[]) { "set", "due", "going", "are", "is", "plans", "plan", "expected", NULL }))
            return TENSE_FUTURE;
          continue;
        }
      if (tok_in (t, future_words))
        return TENSE_FUTURE;
      if (tok_in (t, past_words))
        return TENSE_PAST;
    }
  for (guint k = i; k < tokens->len && k < i + TENSE_WINDOW; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      if (strcmp (t->lower, "to") != 0 && tok_in (t, future_words))
        return TENSE_FUTURE;
      if (tok_in (t, past_words))
        return TENSE_PAST;
    }
  return TENSE_NONE;
}

/* Turns a point into a date, filling in what the text left out from the
 * publication date. Sets *resolved when it did. */
gboolean
_nhs_extract_resolve_point (const DatePoint *p,
                            const GDate     *published,
                            Tense            tense,
                            GDate           *out,
                            gboolean        *resolved)
{
  g_date_clear (out, 1);
  if (p->rel >= REL_TODAY || (p->weekday && p->day == 0))
    {
      int delta = 0;

      if (published == NULL || !g_date_valid (published))
        return FALSE;
      *out = *published;
      *resolved = TRUE;
      if (p->rel == REL_TODAY)
        return TRUE;
      if (p->rel == REL_YESTERDAY)
        {
          g_date_subtract_days (out, 1);
          return TRUE;
        }
      if (p->rel == REL_TOMORROW)
        {
          g_date_add_days (out, 1);
          return TRUE;
        }
      {
        int today = g_date_get_weekday (published);
        int wanted = p->weekday;

        if (p->rel == REL_NEXT || (p->rel == REL_NONE && tense == TENSE_FUTURE) || p->rel == REL_THIS)
          {
            delta = (wanted - today + 7) % 7;
            if (delta == 0 && p->rel != REL_THIS)
              delta = 7;
            g_date_add_days (out, delta);
          }
        else
          {
            /* "on Wednesday" in news is this week's, and mostly gone by */
            delta = (today - wanted + 7) % 7;
            if (p->rel == REL_LAST && delta == 0)
              delta = 7;
            g_date_subtract_days (out, delta);
          }
      }
      return TRUE;
    }
  if (p->day == 0 || p->month == 0)
    return FALSE;
  if (p->year)
    {
      if (!g_date_valid_dmy (p->day, p->month, p->year))
        return FALSE;
      g_date_set_dmy (out, p->day, p->month, p->year);
      return TRUE;
    }
  if (published == NULL || !g_date_valid (published))
    return FALSE;

  /* The year nearest the publication date that the tense allows, and the
   * weekday when one is written ("Friday August 11") */
  {
    int py = g_date_get_year (published);
    int best_year = 0;
    gint64 best = G_MAXINT64;

    /* a written weekday may point further back: "Monday 13 March" */
    for (int y = py - (p->weekday ? 6 : 1); y <= py + 1; y++)
      {
        GDate d;
        gint64 dist;

        if (!g_date_valid_dmy (p->day, p->month, y))
          continue;
        g_date_set_dmy (&d, p->day, p->month, y);
        dist = g_date_days_between (published, &d);
        if (p->weekday && g_date_get_weekday (&d) != (GDateWeekday) p->weekday)
          dist += dist >= 0 ? 10000 : -10000;
        if (tense == TENSE_FUTURE && dist < -14)
          dist = -dist * 4;
        else if (tense == TENSE_PAST && dist > 14)
          dist = dist * 4;
        dist = ABS (dist);
        if (dist < best)
          {
            best = dist;
            best_year = y;
          }
      }
    if (best_year == 0)
      return FALSE;
    g_date_set_dmy (out, p->day, p->month, best_year);
    *resolved = TRUE;
    return TRUE;
  }
}

char *
_nhs_extract_format_point (const GDate *d,
                           int          time)
{
  if (time >= 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", g_date_get_year (d), g_date_get_month (d),
                            g_date_get_day (d), time / 60, time % 60);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

