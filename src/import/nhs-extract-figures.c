/* nhs-extract-figures.c: numbers, what a figure measures, and who claims it
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-extract"

#include "config.h"

#include <string.h>

#include "nhs-extract-private.h"

/* ---- figures ------------------------------------------------------------------ */

/* Reads a number token: "1.3", "1,250", "22", "1bn", "300m"; returns
 * FALSE for a time, an ordinal or a year-like part of a date. */
static gboolean
number_from_token (const Token *t,
                   double      *value,
                   double      *precision,
                   double      *multiplier)
{
  char buf[TOK_LOWER];
  gsize k = 0;
  const char *p = t->lower;
  const char *dot = NULL;
  char *endp;

  if (t->type != TOK_NUM)
    return FALSE;
  for (; *p && k < sizeof buf - 1; p++)
    {
      if (*p == ',')
        continue;
      if (*p == '.')
        {
          if (dot)
            return FALSE;
          dot = p;
        }
      else if (!g_ascii_isdigit (*p))
        break;
      buf[k++] = *p;
    }
  buf[k] = '\0';
  *value = g_ascii_strtod (buf, &endp);
  if (*endp != '\0')
    return FALSE;
  *precision = 1;
  if (dot)
    {
      const char *d = strchr (buf, '.');
      for (const char *q = d + 1; *q; q++)
        *precision /= 10;
    }
  *multiplier = 1;
  if (strcmp (p, "bn") == 0 || strcmp (p, "b") == 0)
    *multiplier = 1e9;
  else if (strcmp (p, "m") == 0 || strcmp (p, "mn") == 0)
    *multiplier = 1e6;
  else if (strcmp (p, "k") == 0)
    *multiplier = 1e3;
  else if (*p != '\0')
    return FALSE;
  return TRUE;
}

static double
multiplier_word (const Token *t)
{
  if (tok_in (t, (const char *[]) { "billion", "bn", NULL }))
    return 1e9;
  if (tok_in (t, (const char *[]) { "million", "m", "mn", NULL }))
    return 1e6;
  if (tok_in (t, (const char *[]) { "thousand", "k", NULL }))
    return 1e3;
  return 0;
}

static const char * const count_nouns[] = {
  "appointments", "appointment", "operations", "procedures", "outpatient", "consultations", NULL
};

/* Finds the figure starting at token i */
gboolean
_nhs_extract_parse_number (Sentence *s,
                           guint     i,
                           Number   *num)
{
  guint n = s->tokens->len;
  const Token *t = TOK (i);
  gboolean pound = FALSE;
  gboolean minus = FALSE;
  guint j = i;
  double mult, extra;

  memset (num, 0, sizeof *num);
  if (strcmp (t->lower, "£") == 0)
    {
      pound = TRUE;
      j++;
    }
  else if ((strcmp (t->lower, "-") == 0 || strcmp (t->lower, "−") == 0) && i + 1 < n &&
           TOK (i + 1)->start == t->end)
    {
      minus = TRUE;
      j++;
    }
  if (j >= n || TOK (j)->in_date || !number_from_token (TOK (j), &num->value, &num->precision, &mult))
    return FALSE;
  num->first = i;
  num->last = j + 1;
  if (mult == 1 && num->last < n && (extra = multiplier_word (TOK (num->last))) > 0)
    {
      mult = extra;
      num->last++;
    }
  num->value *= mult;
  num->precision *= mult;
  if (minus)
    num->value = -num->value;

  if (pound)
    {
      num->unit = NHS_FIGURE_UNIT_GBP;
      return TRUE;
    }
  if (num->last < n && tok_is (TOK (num->last), "%"))
    {
      num->unit = NHS_FIGURE_UNIT_PERCENT;
      num->last++;
      return mult == 1;
    }
  if (num->last + 1 < n && tok_is (TOK (num->last), "per") && tok_is (TOK (num->last + 1), "cent"))
    {
      num->unit = NHS_FIGURE_UNIT_PERCENT;
      num->last += 2;
      return mult == 1;
    }
  if (num->last < n && tok_is (TOK (num->last), "percent"))
    {
      num->unit = NHS_FIGURE_UNIT_PERCENT;
      num->last++;
      return mult == 1;
    }
  /* a count: "1.3 million appointments", "12,000 operations" */
  if (mult > 1 || num->value >= 1000)
    for (guint k = num->last; k < n && k < num->last + 4; k++)
      if (tok_in (TOK (k), count_nouns))
        {
          num->unit = NHS_FIGURE_UNIT_COUNT;
          return TRUE;
        }
  return FALSE;
}

typedef struct
{
  const char *word;
  NhsFigureMetric metric;
} Cue;

static const Cue percent_cues[] = {
  { "offer", NHS_FIGURE_METRIC_PAY_OFFER },
  { "offered", NHS_FIGURE_METRIC_PAY_OFFER },
  { "offering", NHS_FIGURE_METRIC_PAY_OFFER },
  { "proposed", NHS_FIGURE_METRIC_PAY_OFFER },
  { "proposal", NHS_FIGURE_METRIC_PAY_OFFER },
  { "proposes", NHS_FIGURE_METRIC_PAY_OFFER },
  { "claim", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "calling", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "seeking", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "wants", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "demand", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "demands", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "demanding", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "restoration", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "restore", NHS_FIGURE_METRIC_PAY_CLAIM },
  { "award", NHS_FIGURE_METRIC_PAY_AWARD },
  { "deal", NHS_FIGURE_METRIC_PAY_AWARD },
  { "settlement", NHS_FIGURE_METRIC_PAY_AWARD },
  { "recommended", NHS_FIGURE_METRIC_PAY_AWARD },
  { "recommendation", NHS_FIGURE_METRIC_PAY_AWARD },
  { "awarded", NHS_FIGURE_METRIC_PAY_AWARD },
  { "rise", NHS_FIGURE_METRIC_PAY_AWARD },
  { "increase", NHS_FIGURE_METRIC_PAY_AWARD },
  { "uplift", NHS_FIGURE_METRIC_PAY_AWARD },
  { "received", NHS_FIGURE_METRIC_PAY_AWARD },
  { "receive", NHS_FIGURE_METRIC_PAY_AWARD },
  { "receiving", NHS_FIGURE_METRIC_PAY_AWARD },
  { "getting", NHS_FIGURE_METRIC_PAY_AWARD },
  { "granted", NHS_FIGURE_METRIC_PAY_AWARD },
  { "granting", NHS_FIGURE_METRIC_PAY_AWARD },
  { "given", NHS_FIGURE_METRIC_PAY_AWARD },
  { "voted", NHS_FIGURE_METRIC_VOTE_SHARE },
  { "vote", NHS_FIGURE_METRIC_VOTE_SHARE },
  { "votes", NHS_FIGURE_METRIC_VOTE_SHARE },
  { "voting", NHS_FIGURE_METRIC_VOTE_SHARE },
  { "backed", NHS_FIGURE_METRIC_VOTE_SHARE },
  { "favour", NHS_FIGURE_METRIC_VOTE_SHARE },
  { "supported", NHS_FIGURE_METRIC_VOTE_SHARE },
  { "turnout", NHS_FIGURE_METRIC_TURNOUT },
};

const char * const _nhs_extract_pay_words[] = {
  "pay", "salary", "salaries", "wage", "wages", "earnings", NULL
};
const char * const _nhs_extract_decline_words[] = {
  "cut", "cuts", "fall", "fallen", "fell", "falling", "shrink", "shrunk", "shrank", "shrinking",
  "drop", "dropped", "decline", "declined", "eroded", "erosion", "lost", "loss", "down", "lower", NULL
};
static const char * const cost_words[] = {
  "cost", "costs", "costing", "costed", "bill", "spent", "spending", "price", NULL
};
static const char * const vote_verbs[] = {
  "voted", "rejected", "accepted", "backed", "supported", "vote", NULL
};

/* cues further than this many words from a figure are another figure's */
#define CUE_WINDOW 40

/* What the figure measures, by the words around it in its sentence (and
 * for pay, its paragraph), or OTHER when the text does not say */
NhsFigureMetric
_nhs_extract_figure_metric (Sentence     *s,
                            const Number *num,
                            gboolean      pay_in_paragraph,
                            double       *strength)
{
  guint n = s->tokens->len;
  gboolean pay = pay_in_paragraph;
  NhsFigureMetric best = NHS_FIGURE_METRIC_OTHER;
  guint best_dist = G_MAXUINT;

  guint lo = num->first > CUE_WINDOW ? num->first - CUE_WINDOW : 0;
  guint hi = MIN (n, num->last + CUE_WINDOW);

  *strength = 0.0;
  if (s->has_pay)
    pay = TRUE;

  if (num->unit == NHS_FIGURE_UNIT_COUNT)
    {
      *strength = 0.8;
      return NHS_FIGURE_METRIC_APPOINTMENTS_RESCHEDULED;
    }
  if (num->unit == NHS_FIGURE_UNIT_GBP)
    {
      for (guint k = lo; k < hi; k++)
        if (tok_in (TOK (k), cost_words))
          {
            *strength = 0.7;
            return NHS_FIGURE_METRIC_COST;
          }
      return NHS_FIGURE_METRIC_OTHER;
    }

  for (guint k = lo; k < hi; k++)
    {
      guint d = k < num->first ? num->first - k : k >= num->last ? k - num->last + 1 : 0;

      /* "a turnout of 67%", "a 67% turnout" */
      if (tok_is (TOK (k), "turnout") && ((k < num->first && d <= 3) || (k >= num->last && d <= 1)))
        {
          *strength = 0.9;
          return NHS_FIGURE_METRIC_TURNOUT;
        }
    }
  for (guint k = lo; k < hi; k++)
    {
      guint d = k < num->first ? num->first - k : k >= num->last ? k - num->last + 1 : 0;
      if ((tok_in (TOK (k), (const char *[]) { "real-terms", "real", NULL }) &&
           (tok_is (TOK (k), "real-terms") || (k + 1 < n && tok_is (TOK (k + 1), "terms")))) && d <= 14)
        {
          *strength = 0.9;
          return NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE;
        }
    }
  /* "rejected the offer by 51.1 per cent", "voted by 98% to strike" */
  if (num->first > 0 && tok_is (TOK (num->first - 1), "by"))
    for (guint k = lo; k < num->first; k++)
      if (tok_in (TOK (k), vote_verbs))
        {
          *strength = 0.9;
          return NHS_FIGURE_METRIC_VOTE_SHARE;
        }

  for (guint k = lo; k < hi; k++)
    {
      guint d;
      for (guint c = 0; c < G_N_ELEMENTS (percent_cues); c++)
        if (tok_is (TOK (k), percent_cues[c].word))
          {
            NhsFigureMetric m = percent_cues[c].metric;
            /* "rise" and "increase" say pay changes, not who decided:
             * an offer or a claim named anywhere in the sentence wins */
            gboolean weak = tok_in (TOK (k), (const char *[]) { "rise", "increase", "uplift", NULL });

            if (m != NHS_FIGURE_METRIC_VOTE_SHARE && !pay)
              break;
            d = k < num->first ? (num->first - k) * 2 : k >= num->last ? (k - num->last) * 2 + 1 : 0;
            if (weak)
              d += 1000;
            if (d < best_dist)
              {
                best_dist = d;
                best = m;
              }
            break;
          }
    }
  if (best != NHS_FIGURE_METRIC_OTHER)
    *strength = best_dist % 1000 <= 6 ? 0.8 : 0.6;
  return best;
}

static const struct {
  const char *word;
  const char *second;
  const char *claimant;
} claimants[] = {
  { "bma", NULL, "BMA" },
  { "british", "medical", "BMA" },
  { "government", NULL, "government" },
  { "dhsc", NULL, "government" },
  { "department", "of", "government" },
  { "health", "secretary", "government" },
  { "minister", NULL, "government" },
  { "ministers", NULL, "government" },
  { "treasury", NULL, "government" },
  { "nhs", "england", "NHS England" },
  { "nhs", "confederation", "NHS Confederation" },
  { "nhs", "providers", "NHS Providers" },
};

const char *
_nhs_extract_claimant_in (Sentence *s)
{
  const char *found = NULL;
  gboolean attributed = FALSE;

  for (guint i = 0; i < s->tokens->len; i++)
    if (tok_in (TOK (i), (const char *[]) { "said", "says", "according", "spokesperson", "spokesman", "spokeswoman", "statement", NULL }))
      attributed = TRUE;
  if (!attributed)
    return NULL;
  /* NHS Confederation before "NHS" alone; the first organisation named */
  for (guint i = 0; i < s->tokens->len && !found; i++)
    for (guint c = 0; c < G_N_ELEMENTS (claimants); c++)
      if (tok_is (TOK (i), claimants[c].word) &&
          (claimants[c].second == NULL || (i + 1 < s->tokens->len && tok_is (TOK (i + 1), claimants[c].second))))
        {
          found = claimants[c].claimant;
          break;
        }
  return found;
}

void
_nhs_extract_figures (Extractor  *x,
                      guint       si,
                      gboolean    pay_in_paragraph,
                      const char *paragraph_claimant)
{
  Sentence *s = &x->sentences[si];
  guint n = s->tokens->len;

  if (s->other_place)
    return;
  for (guint i = 0; i < n; i++)
    {
      Number num;
      NhsFigureMetric metric;
      double strength;
      NhsCandidate *c;
      guint group = 0;
      guint best = G_MAXUINT;
      gboolean other_near = FALSE;
      const char *claimant;

      if (!_nhs_extract_parse_number (s, i, &num))
        continue;
      metric = _nhs_extract_figure_metric (s, &num, pay_in_paragraph, &strength);
      i = num.last - 1;
      if (metric == NHS_FIGURE_METRIC_OTHER)
        continue;

      /* the group named nearest the figure */
      for (guint g = 0; g < s->groups->len; g++)
        {
          GroupMention *m = &g_array_index (s->groups, GroupMention, g);
          /* a group written after the figure is less often its subject
           * ("junior doctors getting 8.8% and consultants 6%") */
          guint d = m->last <= num.first ? num.first - m->last : m->first >= num.last ? 2 * (m->first - num.last) + 2 : 0;
          if (d < best)
            {
              best = d;
              group = m->groups;
            }
        }
      /* staff of other disputes nearer the figure than any doctors
       * ("nurses were offered 5%, consultants 4.5%") */
      {
        guint other_best = G_MAXUINT;

        for (guint k = 0; k < n; k++)
          if (tok_in (TOK (k), _nhs_extract_other_staff))
            {
              guint d = k < num.first ? num.first - k - 1 : 2 * (k - num.last) + 2;
              other_best = MIN (other_best, d);
            }
        other_near = other_best <= 12;
        if (other_near && (group == 0 || other_best < best))
          continue;
      }
      if (group == 0 && metric != NHS_FIGURE_METRIC_APPOINTMENTS_RESCHEDULED && metric != NHS_FIGURE_METRIC_COST)
        {
          gboolean inherited;
          group = _nhs_extract_groups_for (x, si, &inherited);
          /* one group only: a figure belongs to one */
          if (group & (group - 1))
            group = 0;
        }

      if (metric == NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE && num.value > 0)
        for (guint k = 0; k < n; k++)
          if (tok_in (TOK (k), _nhs_extract_decline_words))
            {
              num.value = -num.value;
              break;
            }

      c = g_new0 (NhsCandidate, 1);
      c->type = NHS_CANDIDATE_FIGURE;
      _nhs_extract_quote_span (c, x->text, s->start, s->end);
      c->metric = metric;
      c->value = num.value;
      c->precision = num.precision;
      c->unit = num.unit;
      for (guint g = 0; g < G_N_ELEMENTS (_nhs_extract_group_ids); g++)
        if (group == (1u << g))
          c->group = g_strdup (_nhs_extract_group_ids[g]);
      claimant = _nhs_extract_claimant_in (s);
      if (claimant == NULL)
        claimant = paragraph_claimant;
      c->claimant = g_strdup (claimant);
      c->confidence = _nhs_extract_clamp01 (strength + (c->group ? 0.1 : 0.0) - (other_near ? 0.2 : 0.0) - (_nhs_extract_conditional (s) ? 0.1 : 0.0));
      g_ptr_array_add (x->out, c);
    }
}
