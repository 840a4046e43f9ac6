/* nhs-extract.c: dates, figures and events found in an article's text
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small grammar over tokens, sentence by sentence, rather than regular
 * expressions: news writes one date a dozen ways ("24 February", "Friday
 * August 11", "from 7am on February 24 until 11.59pm on February 28",
 * "13, 14 and 15 March"), and each way is a few lines here. Every rule is
 * about how English news writes dates, figures and the dispute's groups,
 * never about one article: docs/extraction.md says what is found and what
 * is not, and how it scores.
 */
#define G_LOG_DOMAIN "nhs-extract"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nhs-extract-private.h"

/* ---- tokens ------------------------------------------------------------ */

static gboolean
is_word_char (gunichar c)
{
  return c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c);
}

/* Splits text[start, end) into tokens. Dots, commas and colons join digits
 * ("1.3", "1,250", "07:00"); hyphens and apostrophes join a word to the
 * letters after them ("72-hour", "re-ballot", "don't"). */
static void
tokenize (const char *text,
          gsize       start,
          gsize       end,
          GArray     *tokens)
{
  gsize i = start;

  g_array_set_size (tokens, 0);
  while (i < end)
    {
      const char *p = text + i;
      gunichar c = g_utf8_get_char (p);
      gsize clen = g_utf8_next_char (p) - p;
      Token tok = { 0 };

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          i += clen;
          continue;
        }
      tok.start = i;
      tok.upper = g_unichar_isupper (c);
      if (is_word_char (c))
        {
          gsize j = i + clen;

          tok.type = g_ascii_isdigit (c) ? TOK_NUM : TOK_WORD;
          while (j < end)
            {
              gunichar d = g_utf8_get_char (text + j);
              gsize dlen = g_utf8_next_char (text + j) - (text + j);

              if (is_word_char (d))
                {
                  j += dlen;
                  continue;
                }
              if (j + dlen < end)
                {
                  gunichar next = g_utf8_get_char (text + j + dlen);
                  gunichar prev = g_utf8_get_char (g_utf8_prev_char (text + j));

                  if ((d == '.' || d == ':') && g_ascii_isdigit (prev) && next < 0x80 && g_ascii_isdigit (next))
                    {
                      j += dlen;
                      continue;
                    }
                  if (d == ',' && g_ascii_isdigit (prev) && j + 3 < end &&
                      g_ascii_isdigit (text[j + 1]) && g_ascii_isdigit (text[j + 2]) && g_ascii_isdigit (text[j + 3]) &&
                      (j + 4 >= end || !g_ascii_isdigit (text[j + 4])))
                    {
                      j += dlen;
                      continue;
                    }
                  if ((d == '-' || d == '\'' || d == 0x2019) && next < 0x80 && g_ascii_isalpha (next))
                    {
                      j += dlen;
                      continue;
                    }
                }
              break;
            }
          tok.end = j;
        }
      else
        {
          tok.type = TOK_PUNCT;
          tok.end = i + clen;
        }

      {
        gsize n = MIN (tok.end - tok.start, TOK_LOWER - 1);
        for (gsize k = 0; k < n; k++)
          tok.lower[k] = g_ascii_tolower (text[tok.start + k]);
        /* never end on half a character */
        while (n > 0 && (tok.lower[n - 1] & 0xC0) == 0x80 && tok.end - tok.start > TOK_LOWER - 1)
          n--;
        if (n > 0 && (guchar) tok.lower[n - 1] >= 0xC0 && tok.end - tok.start > TOK_LOWER - 1)
          n--;
        tok.lower[n] = '\0';
      }
      g_array_append_val (tokens, tok);
      i = tok.end;
    }
}

/* ---- sentences ------------------------------------------------------------ */

static const char * const abbreviations[] = {
  "dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "gov", "co", "ltd",
  "inc", "jr", "sr", "rev", "hon", "cllr", "approx", "est", "fig", NULL
};

static gboolean
is_abbreviation (const char *text,
                 gsize       para_start,
                 gsize       dot)
{
  gsize w = dot;
  char word[8];
  gsize len;

  while (w > para_start && (g_ascii_isalpha (text[w - 1]) || text[w - 1] == '.'))
    w--;
  len = dot - w;
  if (len == 0)
    return FALSE;
  /* "J. Smith", "U.K." */
  if (len == 1 && g_ascii_isupper (text[w]))
    return TRUE;
  if (len == 3 && text[w + 1] == '.')
    return TRUE;
  if (len >= sizeof word)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    word[k] = g_ascii_tolower (text[w + k]);
  word[len] = '\0';
  return g_strv_contains (abbreviations, word);
}

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' || c == ']';
}

/* Longer "sentences" are lists, tables or text without punctuation: they
 * are cut (at a space) so that the work on one stays bounded */
#define MAX_SENTENCE 1000

static void
add_sentence (GArray     *out,
              const char *text,
              gsize       start,
              gsize       end)
{
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  for (;;)
    {
      gsize stop = end;
      gsize s_end;

      while (start < end && g_ascii_isspace (text[start]))
        start++;
      if (end <= start)
        return;
      if (end - start > MAX_SENTENCE)
        {
          stop = start + MAX_SENTENCE;
          while (stop > start + MAX_SENTENCE / 2 && text[stop] != ' ')
            stop--;
          if (text[stop] != ' ')
            {
              /* no space: cut on a character boundary */
              stop = start + MAX_SENTENCE;
              while (stop > start && (text[stop] & 0xC0) == 0x80)
                stop--;
            }
        }
      s_end = stop;
      while (s_end > start && g_ascii_isspace (text[s_end - 1]))
        s_end--;
      if (s_end > start)
        {
          gsize pair[2] = { start, s_end };
          g_array_append_vals (out, pair, 2);
        }
      if (stop >= end)
        return;
      start = stop;
    }
}

GArray *
nhs_extract_sentences (const char *text,
                       gssize      length)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  gsize para = 0;

  while (para < len)
    {
      const char *nl = memchr (text + para, '\n', len - para);
      gsize para_end = nl ? (gsize) (nl - text) : len;
      gsize start = para;
      gsize i = para;

      while (i < para_end)
        {
          char c = text[i];

          if ((c == '.' || c == '!' || c == '?') && !(c == '.' && is_abbreviation (text, para, i)))
            {
              gsize j = i + 1;

              while (j < para_end && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
                j++;
              while (j < para_end && is_closing (g_utf8_get_char (text + j)))
                j = g_utf8_next_char (text + j) - text;
              if (j >= para_end)
                {
                  i = j;
                  break;
                }
              if (g_ascii_isspace (text[j]))
                {
                  gsize k = j;
                  gunichar next;

                  while (k < para_end && g_ascii_isspace (text[k]))
                    k++;
                  next = k < para_end ? g_utf8_get_char (text + k) : 0;
                  if (next == 0 || g_unichar_isupper (next) || g_unichar_isdigit (next) ||
                      next == '"' || next == 0x201C || next == 0x2018 || next == '(' || next == '\'' ||
                      next == 0x2013 || next == 0x2014)
                    {
                      add_sentence (out, text, start, j);
                      start = k;
                      i = k;
                      continue;
                    }
                }
              i = j;
              continue;
            }
          i++;
        }
      add_sentence (out, text, start, para_end);
      para = para_end + 1;
    }
  return out;
}

/* ---- the groups, and what is out of scope --------------------------------- */

const char * const _nhs_extract_group_ids[] = { "resident", "consultant", "sas" };

static const char * const doctor_words[] = {
  "doctor", "doctors", "doctors'", "doctors’", "doctor's", "doctor’s", "medics", "colleagues", "medic", NULL
};

/* Which of the dispute's groups token i names, or 0; *span is how many
 * tokens the name takes. */
static guint
group_at (GArray *tokens,
          guint   i,
          guint  *span)
{
  const Token *t = &g_array_index (tokens, Token, i);
  const Token *next = i + 1 < tokens->len ? &g_array_index (tokens, Token, i + 1) : NULL;

  *span = 1;
  if (tok_in (t, (const char *[]) { "junior", "resident", "trainee", NULL }))
    {
      if (next && tok_in (next, doctor_words))
        {
          *span = 2;
          return G_RESIDENT;
        }
      return 0;
    }
  if (tok_in (t, (const char *[]) { "juniors", "jdc", "rdc", NULL }))
    return G_RESIDENT;
  if (tok_in (t, (const char *[]) { "consultant", "consultants", "consultants'", "consultants’", NULL }))
    return G_CONSULTANT;
  if (tok_is (t, "senior") && next && tok_in (next, doctor_words))
    {
      *span = 2;
      return G_CONSULTANT;
    }
  if (strcmp (t->lower, "sas") == 0)
    return G_SAS;
  /* "specialty and specialist doctors", "specialist, associate specialist
   * and specialty (SAS) doctors", "specialty doctors" */
  if (tok_in (t, (const char *[]) { "specialty", "specialist", NULL }))
    {
      for (guint k = i + 1; k < tokens->len && k < i + 7; k++)
        {
          const Token *u = &g_array_index (tokens, Token, k);
          if (tok_in (u, doctor_words) || tok_is (u, "sas"))
            {
              *span = k - i + 1;
              return G_SAS;
            }
          if (!tok_in (u, (const char *[]) { "and", ",", "associate", "specialist", "specialty", "(", ")", "grade", NULL }))
            break;
        }
    }
  return 0;
}

const char * const _nhs_extract_other_staff[] = {
  "nurse", "nurses", "nursing", "paramedic", "paramedics", "physiotherapist", "physiotherapists",
  "midwife", "midwives", "rcn", "unison", "unite", "gmb", "ambulance", "radiographers",
  "pharmacists", "porters", "cleaners", "gps", "dentists", "teachers", NULL
};
static const char * const other_places[] = {
  "scotland", "scottish", "wales", "welsh", "holyrood", "stormont", NULL
};

/* ---- sentence analysis ------------------------------------------------------ */

static void
sentence_clear (Sentence *s)
{
  g_clear_pointer (&s->tokens, g_array_unref);
  g_clear_pointer (&s->groups, g_array_unref);
  g_clear_pointer (&s->dates, g_array_unref);
}

static gboolean
date_usable (const DateExpr *e)
{
  return _nhs_extract_point_has_day (&e->a);
}

static void
find_dates (Sentence *s)
{
  guint n = s->tokens->len;

  for (guint i = 0; i < n;)
    {
      DateExpr e;
      guint after = _nhs_extract_parse_expr (s->tokens, i, &e);

      if (after > i)
        {
          /* a weekday alone is a day only after "on", "by", "until",
           * "from", "since", "last"/"next"/"this", or with a part of day */
          if (e.a.weekday && e.a.day == 0 && e.a.rel == REL_NONE && !e.range)
            {
              gboolean tied = e.a.morning || e.a.time >= 0;
              if (i > 0 && tok_in (TOK (i - 1), (const char *[]) { "on", "by", "until", "till", "from", "since", "before", "after", NULL }))
                tied = TRUE;
              if (!tied)
                {
                  i++;
                  continue;
                }
            }
          if (i > 0 && e.role == ROLE_ON)
            {
              const Token *prev = TOK (i - 1);
              const Token *prev2 = i > 1 ? TOK (i - 2) : NULL;
              gboolean linked = tok_is (prev, "on") || tok_is (prev, "at");

              if (tok_in (prev, _nhs_extract_end_words) || (linked && prev2 && tok_in (prev2, _nhs_extract_end_words)))
                e.role = ROLE_END;
              else if (tok_in (prev, _nhs_extract_start_words) || (linked && prev2 && tok_in (prev2, _nhs_extract_start_words)))
                e.role = ROLE_START;
            }
          for (guint k = e.first; k < after; k++)
            TOK (k)->in_date = TRUE;

          /* "begins at 7am on 14 November and ends at 7am on 19 November":
           * a start and the end that follows it are one range */
          if (e.role == ROLE_END && !e.range && s->dates->len > 0)
            {
              DateExpr *prev = &g_array_index (s->dates, DateExpr, s->dates->len - 1);

              if (!prev->range && prev->role != ROLE_END && _nhs_extract_point_has_day (&prev->a) &&
                  _nhs_extract_point_has_day (&e.a) && e.first - prev->last <= 6)
                {
                  prev->b = e.a;
                  if (prev->b.year == 0)
                    prev->b.year = prev->a.year;
                  prev->range = TRUE;
                  prev->b_first = e.a_first;
                  prev->last = after;
                  i = after;
                  continue;
                }
            }
          g_array_append_val (s->dates, e);
          i = after;
        }
      else
        i++;
    }
}

static void
find_groups (Sentence *s)
{
  guint n = s->tokens->len;

  for (guint i = 0; i < n; i++)
    {
      guint span;
      guint g = group_at (s->tokens, i, &span);
      const Token *t = TOK (i);

      if (g)
        {
          GroupMention m = { i, i + span, g };
          g_array_append_val (s->groups, m);
          s->all_groups |= g;
          i += span - 1;
          continue;
        }
      if (tok_in (t, _nhs_extract_other_staff))
        s->other_staff = TRUE;
      if (tok_in (t, other_places))
        s->other_place = TRUE;
      if (tok_is (t, "northern") && i + 1 < n && tok_is (TOK (i + 1), "ireland"))
        s->other_place = TRUE;
      if (tok_is (t, "royal") && i + 3 < n && tok_is (TOK (i + 3), "nursing"))
        s->other_staff = TRUE;
    }
}

/* ---- events --------------------------------------------------------------- */

typedef struct
{
  guint first;
  guint last;
  NhsEventKind kind;
  gboolean negated;
  /* part of another keyword's phrase ("a mandate to strike") */
  gboolean absorbed;
} Keyword;

static const char * const strike_words[] = {
  "strike", "strikes", "striking", "walkout", "walkouts", "walk-out", "walk-outs", NULL
};
static const char * const ballot_words[] = {
  "ballot", "ballots", "balloted", "balloting", "re-ballot", "reballot", "re-balloted", "reballoted",
  "re-balloting", "reballoting", "mandate", NULL
};
static const char * const vote_words[] = { "vote", "votes", "voted", "voting", NULL };
static const char * const negations[] = {
  "not", "no", "never", "without", "avoid", "avert", "averted", "cancel", "cancelled", "canceled",
  "postpone", "postponed", "suspend", "suspended", "off", "paused", "pausing", "pause", "n't",
  "delay", "delayed", "delaying",
  "don't", "won't", "didn't", "wouldn't", "isn't", "aren't", "weren't", "wasn't", "can't", NULL
};

static void
find_keywords (Sentence *s,
               GArray   *keywords)
{
  guint n = s->tokens->len;
  gboolean offer_in_sentence = FALSE;

  for (guint i = 0; i < n; i++)
    if (tok_in (TOK (i), (const char *[]) { "offer", "deal", "referendum", "proposal", NULL }))
      offer_in_sentence = TRUE;

  g_array_set_size (keywords, 0);
  for (guint i = 0; i < n; i++)
    {
      const Token *t = TOK (i);
      const Token *next = i + 1 < n ? TOK (i + 1) : NULL;
      Keyword k = { i, i + 1, NHS_EVENT_KIND_OTHER, FALSE, FALSE };

      if (tok_in (t, strike_words))
        k.kind = NHS_EVENT_KIND_STRIKE;
      else if ((tok_in (t, (const char *[]) { "walk", "walked", "walking", "walks", NULL }) && next && tok_is (next, "out")))
        {
          k.kind = NHS_EVENT_KIND_STRIKE;
          k.last = i + 2;
        }
      else if (tok_is (t, "industrial") && next && tok_is (next, "action"))
        {
          k.kind = NHS_EVENT_KIND_STRIKE;
          k.last = i + 2;
        }
      else if (tok_in (t, ballot_words))
        k.kind = NHS_EVENT_KIND_BALLOT;
      else if (tok_is (t, "referendum"))
        k.kind = NHS_EVENT_KIND_VOTE;
      else if (tok_in (t, vote_words))
        k.kind = offer_in_sentence ? NHS_EVENT_KIND_VOTE : NHS_EVENT_KIND_BALLOT;
      else if (tok_in (t, (const char *[]) { "offer", "offered", "offers", NULL }))
        k.kind = NHS_EVENT_KIND_OFFER;
      else if (tok_in (t, (const char *[]) { "deal", "agreement", "settlement", NULL }))
        k.kind = NHS_EVENT_KIND_DEAL;
      else if (tok_in (t, (const char *[]) { "talks", "negotiations", "negotiate", "negotiating", "meeting", "meet", "met", NULL }))
        k.kind = NHS_EVENT_KIND_TALKS;
      else if (tok_is (t, "pay") && next && tok_in (next, (const char *[]) { "award", "rise", "increase", "uplift", NULL }))
        {
          k.kind = NHS_EVENT_KIND_PAY_AWARD;
          k.last = i + 2;
        }
      else if (tok_in (t, (const char *[]) { "letter", "statement", "said", "says", "wrote", NULL }))
        k.kind = NHS_EVENT_KIND_STATEMENT;
      else if (tok_in (t, (const char *[]) { "announced", "announcement", "announces", NULL }))
        k.kind = NHS_EVENT_KIND_ANNOUNCEMENT;
      else
        continue;

      /* "not call any more strikes", "called off the strike" */
      for (guint b = i >= 5 ? i - 5 : 0; b < i; b++)
        if (tok_in (TOK (b), negations))
          k.negated = TRUE;
      if (k.last < n && tok_is (TOK (k.last), "off") && k.kind == NHS_EVENT_KIND_STRIKE)
        k.negated = TRUE;
      if (k.last + 1 < n && tok_in (TOK (k.last), (const char *[]) { "was", "were", "has", "have", "is", NULL }) &&
          tok_in (TOK (k.last + 1), (const char *[]) { "called", "cancelled", "suspended", "postponed", "averted", NULL }))
        k.negated = TRUE;
      g_array_append_val (keywords, k);
      i = k.last - 1;
    }

  /* A strike named as what a ballot or mandate is for ("a mandate to
   * strike until June", "ballot for industrial action", "strike ballot")
   * is the ballot's, not a strike of its own */
  for (guint k = 0; k < keywords->len; k++)
    {
      Keyword *kw = &g_array_index (keywords, Keyword, k);

      if (kw->kind != NHS_EVENT_KIND_STRIKE)
        continue;
      for (guint o = 0; o < keywords->len; o++)
        {
          Keyword *other = &g_array_index (keywords, Keyword, o);

          if (other->kind != NHS_EVENT_KIND_BALLOT && other->kind != NHS_EVENT_KIND_VOTE)
            continue;
          if ((other->last <= kw->first && kw->first - other->last <= 3) ||
              (kw->last == other->first))
            {
              kw->absorbed = TRUE;
              if (other->kind == NHS_EVENT_KIND_VOTE)
                other->kind = NHS_EVENT_KIND_BALLOT;
            }
        }
    }
}

/* ---- putting it together ---------------------------------------------------- */

static const char *
group_label (guint index)
{
  switch (index)
    {
    case 0: return _("resident doctors");
    case 1: return _("consultants");
    default: return _("SAS doctors");
    }
}

static char **
groups_to_strv (guint groups)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint g = 0; g < G_N_ELEMENTS (_nhs_extract_group_ids); g++)
    if (groups & (1u << g))
      g_ptr_array_add (ids, g_strdup (_nhs_extract_group_ids[g]));
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

static char *
suggest_title (NhsEventKind kind,
               guint        groups)
{
  g_autoptr(GString) who = g_string_new (NULL);
  guint count = 0;

  for (guint g = 0; g < G_N_ELEMENTS (_nhs_extract_group_ids); g++)
    if (groups & (1u << g))
      {
        if (count)
          g_string_append (who, ", ");
        g_string_append (who, group_label (g));
        count++;
      }
  /* TRANSLATORS: a suggested event title: "Strike: resident doctors" */
  return g_strdup_printf (_("%s: %s"), nhs_event_kind_to_label (kind), who->str);
}

void
nhs_candidate_free (NhsCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->quote);
  g_free (c->matches);
  g_strfreev (c->groups);
  g_free (c->start);
  g_free (c->end);
  g_free (c->title);
  g_free (c->group);
  g_free (c->claimant);
  g_free (c);
}

/* The groups a sentence names, or those of the sentences before it in
 * its paragraph, or the last named in the article before it */
guint
_nhs_extract_groups_for (Extractor *x,
                         guint      si,
                         gboolean  *inherited)
{
  Sentence *s = &x->sentences[si];

  *inherited = FALSE;
  if (s->all_groups)
    return s->all_groups;
  if (s->other_staff || s->other_place)
    return 0;
  *inherited = TRUE;
  return s->inherited;
}

static gboolean
date_to_strings (Extractor      *x,
                 Sentence       *s,
                 const DateExpr *e,
                 int             strike_hours,
                 char          **start,
                 char          **end,
                 gboolean       *resolved)
{
  GDate a, b;
  Tense tense = _nhs_extract_tense_near (s->tokens, e->first);
  const GDate *pub = x->has_published ? &x->published : NULL;

  *resolved = FALSE;
  if (e->range && !(e->b.weekday && e->b.day == 0) && e->a.year == 0 && e->a.day && e->a.month &&
      _nhs_extract_resolve_point (&e->b, pub, tense, &b, resolved))
    {
      /* the range's first day takes the year of its last, which says
       * more ("Thursday 24 and Friday 25 August"); December before a
       * January end is the year before */
      DatePoint first = e->a;

      first.year = g_date_get_year (&b);
      if (first.month > (int) g_date_get_month (&b))
        first.year--;
      if (!_nhs_extract_resolve_point (&first, pub, tense, &a, resolved))
        return FALSE;
    }
  else
    {
      if (!_nhs_extract_resolve_point (&e->a, pub, tense, &a, resolved))
        return FALSE;
      if (e->range)
        {
          if (e->b.weekday && e->b.day == 0 && e->b.rel == REL_NONE)
            {
              /* "from Tuesday until Saturday": the first Saturday after */
              b = a;
              g_date_add_days (&b, ((int) e->b.weekday - (int) g_date_get_weekday (&a) + 7) % 7);
            }
          else if (!_nhs_extract_resolve_point (&e->b, pub, tense, &b, resolved))
            return FALSE;
        }
    }
  if (e->range)
    {
      if (g_date_compare (&b, &a) < 0 || g_date_days_between (&a, &b) > 366)
        return FALSE;
      *start = _nhs_extract_format_point (&a, e->a.time);
      *end = _nhs_extract_format_point (&b, e->b.time);
      return TRUE;
    }
  if (e->role == ROLE_END && strike_hours > 0)
    {
      /* "the walkout, which ended on Wednesday morning", a five-day
       * strike: its days run back from there; ending in the morning, the
       * last day is not one of them */
      int days = (strike_hours + 23) / 24;

      b = a;
      g_date_subtract_days (&a, e->a.morning || (e->a.time >= 0 && e->a.time < 12 * 60) ? days : days - 1);
      *start = _nhs_extract_format_point (&a, -1);
      *end = _nhs_extract_format_point (&b, e->a.time);
      return TRUE;
    }
  *start = _nhs_extract_format_point (&a, e->a.time);
  if (strike_hours > 0)
    {
      if (e->a.time >= 0)
        {
          g_autoptr(GDateTime) t0 = g_date_time_new_utc (g_date_get_year (&a), g_date_get_month (&a),
                                                         g_date_get_day (&a), e->a.time / 60, e->a.time % 60, 0);
          g_autoptr(GDateTime) t1 = g_date_time_add_hours (t0, strike_hours);
          *end = g_date_time_format (t1, "%Y-%m-%dT%H:%M");
        }
      else
        {
          b = a;
          g_date_add_days (&b, (strike_hours + 23) / 24 - 1);
          *end = _nhs_extract_format_point (&b, -1);
        }
    }
  return TRUE;
}

static int
sentence_duration (Sentence *s)
{
  for (guint i = 0; i < s->tokens->len; i++)
    {
      guint used;
      int h = _nhs_extract_duration_from_tokens (s->tokens, i, &used);

      /* "for another six months" is not a strike's length; days and
       * hours are, up to a few weeks */
      if (h > 0 && h <= 24 * 21)
        return h;
    }
  return 0;
}

double
_nhs_extract_clamp01 (double v)
{
  return CLAMP (v, 0.05, 0.99);
}

void
_nhs_extract_quote_span (NhsCandidate *c,
                         const char   *text,
                         gsize         start,
                         gsize         end)
{
  c->quote_start = start;
  c->quote_end = end;
  c->quote = g_strndup (text + start, end - start);
}

gboolean
_nhs_extract_conditional (Sentence *s)
{
  return s->conditional;
}

static gboolean
comma_between (Sentence *s,
               guint     from,
               guint     to)
{
  for (guint k = from; k < to; k++)
    if (tok_in (TOK (k), (const char *[]) { ",", ";", ":", "–", "—", NULL }))
      return TRUE;
  return FALSE;
}

/* A date that opens its sentence ("On 24 February, doctors will…") */
static gboolean
opener (Sentence       *s,
        const DateExpr *e)
{
  guint first = e->first;

  if (first > 0 && tok_in (TOK (first - 1), (const char *[]) { "on", "from", "until", "between", "by", NULL }))
    first--;
  return first == 0;
}

static void
extract_events (Extractor *x,
                guint      si)
{
  Sentence *s = &x->sentences[si];
  GArray *keywords = x->keywords;

  if (s->other_place || s->earlier_dispute)
    return;
  find_keywords (s, keywords);
  if (keywords->len == 0)
    return;

  for (guint d = 0; d < s->dates->len; d++)
    {
      DateExpr *e = &g_array_index (s->dates, DateExpr, d);
      Keyword *owner = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      gboolean resolved = FALSE;
      gboolean inherited = FALSE;
      guint groups;
      int hours = 0;
      gsize quote_start = s->start;
      NhsCandidate *c;
      double confidence;

      if (!date_usable (e))
        continue;

      /* the nearest keyword before the date owns it; failing one, the
       * first after it */
      for (guint k = 0; k < keywords->len; k++)
        {
          Keyword *kw = &g_array_index (keywords, Keyword, k);
          if (kw->absorbed)
            continue;
          if (kw->last <= e->first)
            owner = kw;
        }
      if (owner == NULL)
        for (guint k = 0; k < keywords->len; k++)
          {
            Keyword *kw = &g_array_index (keywords, Keyword, k);
            if (!kw->absorbed && kw->first >= e->last)
              {
                if (kw->first - e->last <= 10 && (opener (s, e) || !comma_between (s, e->last, kw->first)))
                  owner = kw;
                break;
              }
          }
      if (owner == NULL || owner->negated)
        continue;
      /* "said" and "wrote" own a date only right beside it */
      if (owner->kind == NHS_EVENT_KIND_STATEMENT &&
          (owner->last + 3 < e->first || owner->first > e->last + 1))
        continue;

      groups = _nhs_extract_groups_for (x, si, &inherited);
      if (groups == 0)
        continue;

      if (owner->kind == NHS_EVENT_KIND_STRIKE)
        {
          hours = s->duration;
          if (hours == 0 && e->role == ROLE_END && si > 0 &&
              x->sentences[si - 1].has_strike && x->sentences[si - 1].strike_hours > 0)
            {
              /* the length was in the sentence before: quote both */
              hours = x->sentences[si - 1].strike_hours;
              quote_start = x->sentences[si - 1].start;
              if (inherited && x->sentences[si - 1].all_groups)
                inherited = FALSE;
            }
        }
      /* a strike's last day alone does not say when it began */
      if (owner->kind == NHS_EVENT_KIND_STRIKE && e->role == ROLE_END && !e->range && hours == 0)
        continue;
      if (!date_to_strings (x, s, e, hours, &start, &end, &resolved))
        continue;

      confidence = 0.6;
      if (e->range || e->a.time >= 0 || e->a.year)
        confidence += 0.2;
      if (!inherited)
        confidence += 0.1;
      else
        confidence -= 0.15;
      if (e->a.weekday && e->a.day == 0)
        confidence -= 0.1;
      if (s->other_staff)
        confidence -= 0.15;
      if (_nhs_extract_conditional (s))
        confidence -= 0.2;
      if (owner->kind != NHS_EVENT_KIND_STRIKE)
        confidence -= 0.1;

      c = g_new0 (NhsCandidate, 1);
      c->type = NHS_CANDIDATE_EVENT;
      _nhs_extract_quote_span (c, x->text, quote_start, s->end);
      c->confidence = _nhs_extract_clamp01 (confidence);
      c->kind = owner->kind;
      c->groups = groups_to_strv (groups);
      c->start = g_steal_pointer (&start);
      c->end = g_steal_pointer (&end);
      c->resolved = resolved;
      c->title = suggest_title (c->kind, groups);
      g_ptr_array_add (x->out, c);
    }
}

gboolean
nhs_extract_value_matches (double value,
                           double precision,
                           double reference)
{
  double rounded;

  if (precision <= 0)
    precision = 1;
  rounded = round (reference / precision) * precision;
  return fabs (rounded - value) <= precision * 1e-6 + 1e-9 * fabs (value);
}

static char *
candidate_key (const NhsCandidate *c)
{
  if (c->type == NHS_CANDIDATE_FIGURE)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup_printf ("f|%d|%d|%s|%s", c->metric, c->unit,
                              g_ascii_dtostr (value, sizeof value, c->value), c->group ? c->group : "");
    }
  {
    g_autofree char *groups = g_strjoinv (",", c->groups);
    return g_strdup_printf ("e|%d|%s|%.10s|%.10s", c->kind, groups, c->start, c->end ? c->end : "");
  }
}

/* The same finding twice (a strike's dates in the lead and again lower
 * down) is one candidate: the more confident, the first on a tie. A hash
 * table, so a text of many findings costs no more than one of few. */
static void
merge_duplicates (GPtrArray *out)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; i < out->len; i++)
    {
      NhsCandidate *c = out->pdata[i];
      char *key = candidate_key (c);
      gpointer index;

      if (g_hash_table_lookup_extended (seen, key, NULL, &index))
        {
          NhsCandidate **first = (NhsCandidate **) &kept->pdata[GPOINTER_TO_UINT (index)];

          if (c->confidence > (*first)->confidence)
            {
              nhs_candidate_free (*first);
              *first = c;
            }
          else
            nhs_candidate_free (c);
          g_free (key);
          continue;
        }
      g_hash_table_insert (seen, key, GUINT_TO_POINTER (kept->len));
      g_ptr_array_add (kept, c);
    }
  /* the candidates now belong to kept */
  g_ptr_array_set_free_func (out, NULL);
  g_ptr_array_set_size (out, 0);
  g_ptr_array_set_free_func (out, (GDestroyNotify) nhs_candidate_free);
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (out, kept->pdata[i]);
}

static void
local_day (GDateTime *dt,
           GTimeZone *tz,
           GDate     *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_set_dmy (out, d, m, y);
}

static gboolean
parse_day_string (const char *s,
                  GDate      *out)
{
  int y, m, d;

  if (s == NULL || sscanf (s, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static void
match_dataset (NhsDataset  *dataset,
               const GDate *published,
               GPtrArray   *out)
{
  GListModel *events = nhs_dataset_get_events (dataset);
  GListModel *figures = nhs_dataset_get_figures (dataset);
  GTimeZone *tz = nhs_dataset_get_timezone (dataset);

  for (guint c = 0; c < out->len; c++)
    {
      NhsCandidate *cand = out->pdata[c];

      if (cand->type == NHS_CANDIDATE_EVENT)
        {
          GDate cs, ce, epoch;
          gint64 c_first, c_last;

          if (!parse_day_string (cand->start, &cs))
            continue;
          if (!parse_day_string (cand->end, &ce))
            ce = cs;
          /* days since 1970 on the local wall clock, as the model keeps
           * them: no time zone work for each event */
          g_date_set_dmy (&epoch, 1, 1, 1970);
          c_first = g_date_days_between (&epoch, &cs);
          c_last = g_date_days_between (&epoch, &ce);
          gint best = G_MAXINT;

          /* of the events it overlaps, the one starting nearest */
          for (guint i = 0; i < g_list_model_get_n_items (events); i++)
            {
              g_autoptr(NhsEvent) ev = g_list_model_get_item (events, i);
              gboolean shares = FALSE;
              gint64 e_first, e_last;
              gint distance;

              if (nhs_event_get_kind (ev) != cand->kind)
                continue;
              for (guint g = 0; cand->groups[g]; g++)
                {
                  GPtrArray *groups = nhs_event_get_groups (ev);
                  for (guint h = 0; h < groups->len; h++)
                    if (strcmp (nhs_group_get_id (groups->pdata[h]), cand->groups[g]) == 0)
                      shares = TRUE;
                }
              if (!shares)
                continue;
              e_first = nhs_event_get_start_wall (ev) / 1440 - (nhs_event_get_start_wall (ev) % 1440 < 0);
              /* the end is exclusive: its last minute's day */
              e_last = MAX (nhs_event_get_end_wall (ev) - 1, nhs_event_get_start_wall (ev));
              e_last = e_last / 1440 - (e_last % 1440 < 0);
              if (c_first > e_last || e_first > c_last)
                continue;
              distance = (gint) MIN (ABS (e_first - c_first), G_MAXINT);
              if (distance < best)
                {
                  best = distance;
                  g_free (cand->matches);
                  cand->matches = g_strdup (nhs_event_get_id (ev));
                }
            }
        }
      else
        {
          gint64 best = G_MAXINT64;

          /* of the figures it equals, the one dated nearest the article */
          for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
            {
              g_autoptr(NhsFigure) fig = g_list_model_get_item (figures, i);
              NhsGroup *group = nhs_figure_get_group (fig);
              gint64 distance = 0;

              if (nhs_figure_get_metric (fig) != cand->metric || nhs_figure_get_unit (fig) != cand->unit)
                continue;
              if (group && cand->group && strcmp (nhs_group_get_id (group), cand->group) != 0)
                continue;
              if (!nhs_extract_value_matches (cand->value, cand->precision, nhs_figure_get_value (fig)))
                continue;
              if (published)
                {
                  GDate fd;
                  local_day (nhs_figure_get_date (fig), tz, &fd);
                  distance = ABS (g_date_days_between (published, &fd));
                }
              if (distance < best)
                {
                  best = distance;
                  g_free (cand->matches);
                  cand->matches = g_strdup (nhs_figure_get_id (fig));
                }
            }
        }
    }
}

static gboolean
paragraph_has_pay (Extractor *x,
                   guint      first,
                   guint      last)
{
  for (guint i = first; i < last; i++)
    if (x->sentences[i].has_pay)
      return TRUE;
  return FALSE;
}

static void
analyse (Extractor *x)
{
  g_autoptr(GArray) spans = nhs_extract_sentences (x->text, x->length);
  guint inherited = 0;
  gsize scanned = 0, para = 0;

  x->n_sentences = spans->len / 2;
  x->sentences = g_new0 (Sentence, x->n_sentences);
  for (guint i = 0; i < x->n_sentences; i++)
    {
      Sentence *s = &x->sentences[i];
      const char *nl;

      s->start = g_array_index (spans, gsize, 2 * i);
      s->end = g_array_index (spans, gsize, 2 * i + 1);
      /* the paragraph it is in: the last newline before it, looked for
       * only since the sentence before */
      while ((nl = memchr (x->text + scanned, '\n', s->start - scanned)))
        {
          para = (gsize) (nl - x->text) + 1;
          scanned = para;
        }
      scanned = s->start;
      s->para = para;
      s->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
      s->groups = g_array_new (FALSE, FALSE, sizeof (GroupMention));
      s->dates = g_array_new (FALSE, FALSE, sizeof (DateExpr));
      tokenize (x->text, s->start, s->end, s->tokens);
      find_dates (s);
      find_groups (s);

      /* a year before the dispute beside a strike or a dispute: an
       * earlier one ("the 2016 junior doctors' strikes") */
      for (guint k = 0; k < s->tokens->len; k++)
        {
          int y = _nhs_extract_year_from_token (TOK (k));
          if (y && y < 2022 && !(k > 0 && tok_in (TOK (k - 1), (const char *[]) { "since", "to", NULL })))
            for (guint m = 0; m < s->tokens->len; m++)
              if (tok_in (TOK (m), strike_words) || tok_is (TOK (m), "dispute"))
                s->earlier_dispute = TRUE;
        }
      for (guint k = 0; k < s->tokens->len; k++)
        {
          if (tok_in (TOK (k), _nhs_extract_pay_words))
            s->has_pay = TRUE;
          if (tok_in (TOK (k), (const char *[]) { "if", "could", "might", "may", "threaten", "threatened", "threatens", "unless", "possible", NULL }))
            s->conditional = TRUE;
        }
      for (guint k = 0; k < s->tokens->len; k++)
        if (tok_in (TOK (k), strike_words) ||
            (tok_is (TOK (k), "industrial") && k + 1 < s->tokens->len && tok_is (TOK (k + 1), "action")) ||
            tok_is (TOK (k), "walkout"))
          s->has_strike = TRUE;
      if (s->has_strike)
        s->duration = sentence_duration (s);
      if (s->has_strike && s->dates->len == 0)
        s->strike_hours = s->duration;

      s->inherited = inherited;
      if (s->all_groups && !s->other_place)
        inherited = s->all_groups;
    }
}

static void
run (Extractor *x)
{
  analyse (x);
  x->keywords = g_array_new (FALSE, FALSE, sizeof (Keyword));
  for (guint i = 0; i < x->n_sentences;)
    {
      gsize para = x->sentences[i].para;
      guint last = i;
      gboolean pay;
      const char *claimant = NULL;

      while (last < x->n_sentences && x->sentences[last].para == para)
        last++;
      pay = paragraph_has_pay (x, i, last);
      for (guint k = i; k < last && !claimant; k++)
        claimant = _nhs_extract_claimant_in (&x->sentences[k]);
      /* a paragraph that opens a quotation takes the speaker of the
       * paragraph before it */
      if (claimant == NULL && i > 0)
        {
          gunichar c = g_utf8_get_char (x->text + x->sentences[i].start);
          if (c == 0x201C || c == '"')
            for (guint k = i; k-- > 0 && x->sentences[k].para == x->sentences[i - 1].para && !claimant;)
              claimant = _nhs_extract_claimant_in (&x->sentences[k]);
        }
      for (guint k = i; k < last; k++)
        {
          extract_events (x, k);
          _nhs_extract_figures (x, k, pay, claimant);
        }
      i = last;
    }
  merge_duplicates (x->out);
  if (x->dataset)
    match_dataset (x->dataset, x->has_published ? &x->published : NULL, x->out);
}

static void
extractor_clear (Extractor *x)
{
  for (guint i = 0; i < x->n_sentences; i++)
    sentence_clear (&x->sentences[i]);
  g_free (x->sentences);
  g_clear_pointer (&x->keywords, g_array_unref);
}

static gint
candidate_order (gconstpointer a,
                 gconstpointer b)
{
  const NhsCandidate *ca = *(NhsCandidate * const *) a;
  const NhsCandidate *cb = *(NhsCandidate * const *) b;

  if (ca->quote_start != cb->quote_start)
    return ca->quote_start < cb->quote_start ? -1 : 1;
  return (int) ca->type - (int) cb->type;
}

GPtrArray *
nhs_extract (const char *text,
             gssize      length,
             const char *published,
             NhsDataset *dataset)
{
  Extractor x = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  x.text = text;
  x.length = length < 0 ? strlen (text) : (gsize) length;
  x.dataset = dataset;
  x.out = g_ptr_array_new_with_free_func ((GDestroyNotify) nhs_candidate_free);
  g_date_clear (&x.published, 1);
  if (published && parse_day_string (published, &x.published))
    x.has_published = TRUE;
  run (&x);
  extractor_clear (&x);
  g_ptr_array_sort (x.out, candidate_order);
  return x.out;
}

GArray *
nhs_extract_marks (const char *text,
                   gssize      length)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (NhsMark));
  Extractor x = { 0 };

  x.text = text;
  x.length = length < 0 ? strlen (text) : (gsize) length;
  analyse (&x);
  for (guint i = 0; i < x.n_sentences; i++)
    {
      Sentence *s = &x.sentences[i];
      guint d = 0;

      for (guint k = 0; k < s->tokens->len; k++)
        {
          Number num;

          if (d < s->dates->len && g_array_index (s->dates, DateExpr, d).first == k)
            {
              DateExpr *e = &g_array_index (s->dates, DateExpr, d);

              /* each day written, with its time; a month alone is not a
               * day, and "from", "until" between are not marked */
              if (_nhs_extract_point_has_day (&e->a) || e->range)
                {
                  NhsMark m = { NHS_MARK_DATE, TOK (e->a_first)->start, TOK (e->a_last - 1)->end };
                  g_array_append_val (marks, m);
                }
              if (e->range)
                {
                  NhsMark m = { NHS_MARK_DATE, TOK (e->b_first)->start, TOK (e->last - 1)->end };
                  g_array_append_val (marks, m);
                }
              k = e->last - 1;
              d++;
              continue;
            }
          if (_nhs_extract_year_from_token (TOK (k)) >= 1990 && _nhs_extract_year_from_token (TOK (k)) < 2100 &&
              !(k + 1 < s->tokens->len && tok_in (TOK (k + 1), (const char *[]) { "%", "per", "percent", NULL })))
            {
              NhsMark m = { NHS_MARK_DATE, TOK (k)->start, TOK (k)->end };
              g_array_append_val (marks, m);
              continue;
            }
          if (_nhs_extract_parse_number (s, k, &num))
            {
              NhsMark m = { NHS_MARK_FIGURE, TOK (num.first)->start, TOK (num.last - 1)->end };
              g_array_append_val (marks, m);
              k = num.last - 1;
            }
        }
    }
  extractor_clear (&x);
  return marks;
}

gboolean
nhs_extract_parse_date (const char *text,
                        const char *published,
                        char      **start,
                        char      **end,
                        gboolean   *resolved)
{
  Extractor x = { 0 };
  gboolean found = FALSE;

  *start = *end = NULL;
  *resolved = FALSE;
  x.text = text;
  x.length = strlen (text);
  g_date_clear (&x.published, 1);
  if (published && parse_day_string (published, &x.published))
    x.has_published = TRUE;
  analyse (&x);
  for (guint i = 0; i < x.n_sentences && !found; i++)
    {
      Sentence *s = &x.sentences[i];
      int hours = sentence_duration (s);

      for (guint d = 0; d < s->dates->len && !found; d++)
        {
          DateExpr *e = &g_array_index (s->dates, DateExpr, d);
          if (date_usable (e) && date_to_strings (&x, s, e, hours, start, end, resolved))
            found = TRUE;
        }
    }
  extractor_clear (&x);
  return found;
}

gboolean
nhs_extract_parse_figure (const char      *text,
                          double          *value,
                          NhsFigureUnit   *unit,
                          NhsFigureMetric *metric)
{
  Extractor x = { 0 };
  gboolean found = FALSE;

  x.text = text;
  x.length = strlen (text);
  analyse (&x);
  for (guint i = 0; i < x.n_sentences && !found; i++)
    {
      Sentence *s = &x.sentences[i];
      for (guint k = 0; k < s->tokens->len && !found; k++)
        {
          Number num;
          double strength;

          if (!_nhs_extract_parse_number (s, k, &num))
            continue;
          *metric = _nhs_extract_figure_metric (s, &num, FALSE, &strength);
          if (*metric == NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE && num.value > 0)
            for (guint m = 0; m < s->tokens->len; m++)
              if (tok_in (TOK (m), _nhs_extract_decline_words))
                {
                  num.value = -num.value;
                  break;
                }
          *value = num.value;
          *unit = num.unit;
          found = TRUE;
        }
    }
  extractor_clear (&x);
  return found;
}
