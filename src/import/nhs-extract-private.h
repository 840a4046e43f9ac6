/* nhs-extract-private.h: what the extractor's files share
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The extractor reads a sentence's tokens with three grammars, one file
 * each: dates (nhs-extract-dates.c), figures (nhs-extract-figures.c), and
 * the groups and events that nhs-extract.c turns into candidates. They
 * share the tokens, the sentence being read and the extractor's state.
 */
#pragma once

#include <string.h>

#include "nhs-extract.h"
#include "nhs-model.h"

G_BEGIN_DECLS

typedef enum {
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokType;

#define TOK_LOWER 24

typedef struct
{
  gsize start;
  gsize end;
  TokType type;
  /* lower-case ASCII copy, cut at TOK_LOWER - 1 bytes; other characters
   * kept as they are */
  char lower[TOK_LOWER];
  /* used by a date, so not a figure */
  gboolean in_date;
  /* starts with a capital letter */
  gboolean upper;
} Token;

#define TOK(i) (&g_array_index (s->tokens, Token, (i)))

static inline gboolean
tok_is (const Token *t,
        const char  *word)
{
  return strcmp (t->lower, word) == 0;
}

static inline gboolean
tok_in (const Token        *t,
        const char * const *words)
{
  for (guint i = 0; words[i]; i++)
    if (strcmp (t->lower, words[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef enum {
  REL_NONE,
  REL_NEXT,
  REL_LAST,
  REL_THIS,
  REL_TODAY,
  REL_YESTERDAY,
  REL_TOMORROW,
} Relative;

typedef struct
{
  int year;
  int month;
  int day;
  int weekday;
  Relative rel;
  /* minutes after midnight, or -1 */
  int time;
  gboolean morning;
} DatePoint;

typedef enum {
  ROLE_ON,
  ROLE_START,
  ROLE_END,
} Role;

typedef struct
{
  guint first;
  guint last;   /* exclusive */
  /* the tokens of each point, for marking ("7am on February 24" and
   * "11.59pm on February 28", not the "until" between) */
  guint a_first;
  guint a_last;
  guint b_first;
  DatePoint a;
  DatePoint b;
  gboolean range;
  Role role;
} DateExpr;

typedef enum {
  TENSE_NONE,
  TENSE_PAST,
  TENSE_FUTURE,
} Tense;

enum {
  G_RESIDENT = 1 << 0,
  G_CONSULTANT = 1 << 1,
  G_SAS = 1 << 2,
};

typedef struct
{
  guint first;
  guint last;
  guint groups;
} GroupMention;

typedef struct
{
  gsize start;
  gsize end;
  gsize para;
  GArray *tokens;
  GArray *groups;     /* GroupMention */
  GArray *dates;      /* DateExpr */
  guint all_groups;
  gboolean other_staff;
  gboolean other_place;
  gboolean earlier_dispute;
  /* a strike named with a length but no date, for the next sentence */
  int strike_hours;
  gboolean has_strike;
  guint inherited;    /* groups from the sentences before */
  gboolean has_pay;
  gboolean conditional;
  /* a strike's length the sentence gives, in hours, or 0 */
  int duration;
} Sentence;

typedef struct
{
  guint first;
  guint last;
  double value;
  double precision;
  NhsFigureUnit unit;
} Number;

typedef struct
{
  const char *text;
  gsize length;
  GDate published;
  gboolean has_published;
  NhsDataset *dataset;
  GPtrArray *out;
  Sentence *sentences;
  guint n_sentences;
  GArray *keywords;
} Extractor;

/* nhs-extract-dates.c: days, times, lengths and ranges */

extern const char * const _nhs_extract_start_words[];
extern const char * const _nhs_extract_end_words[];

int       _nhs_extract_year_from_token      (const Token     *t);
int       _nhs_extract_duration_from_tokens (GArray          *tokens,
                                             guint            i,
                                             guint           *used);
gboolean  _nhs_extract_point_has_day        (const DatePoint *p);
guint     _nhs_extract_parse_expr           (GArray          *tokens,
                                             guint            i,
                                             DateExpr        *e);
Tense     _nhs_extract_tense_near           (GArray          *tokens,
                                             guint            i);
gboolean  _nhs_extract_resolve_point        (const DatePoint *p,
                                             const GDate     *published,
                                             Tense            tense,
                                             GDate           *out,
                                             gboolean        *resolved);
char     *_nhs_extract_format_point         (const GDate     *d,
                                             int              time);

/* nhs-extract-figures.c: numbers, what they measure, and who claims them */

extern const char * const _nhs_extract_pay_words[];
extern const char * const _nhs_extract_decline_words[];

gboolean         _nhs_extract_parse_number    (Sentence     *s,
                                               guint         i,
                                               Number       *num);
NhsFigureMetric  _nhs_extract_figure_metric   (Sentence     *s,
                                               const Number *num,
                                               gboolean      pay_in_paragraph,
                                               double       *strength);
const char      *_nhs_extract_claimant_in     (Sentence     *s);
void             _nhs_extract_figures         (Extractor    *x,
                                               guint         si,
                                               gboolean      pay_in_paragraph,
                                               const char   *paragraph_claimant);

/* nhs-extract.c: sentences, groups, events and the candidates */

extern const char * const _nhs_extract_group_ids[3];
extern const char * const _nhs_extract_other_staff[];

guint     _nhs_extract_groups_for (Extractor    *x,
                                   guint         si,
                                   gboolean     *inherited);
double    _nhs_extract_clamp01    (double        v);
void      _nhs_extract_quote_span (NhsCandidate *c,
                                   const char   *text,
                                   gsize         start,
                                   gsize         end);
gboolean  _nhs_extract_conditional (Sentence    *s);

G_END_DECLS
