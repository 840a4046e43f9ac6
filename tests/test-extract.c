/* test-extract.c: the date, range and figure grammar of the extractor, and
 * the events it proposes
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-enums.h"
#include "nhs-extract.h"

typedef struct
{
  const char *text;
  const char *published;
  const char *start;   /* NULL: no date found */
  const char *end;
  gboolean resolved;
} DateCase;

static const DateCase date_cases[] = {
  { "Doctors will strike on 24 February.", "2024-02-09", "2024-02-24", NULL, TRUE },
  { "The walkout is on Friday August 11.", "2023-08-01", "2023-08-11", NULL, TRUE },
  { "The walkout is on Friday, 11 August.", "2023-08-01", "2023-08-11", NULL, TRUE },
  { "They strike from 7am on February 24 until 11.59pm on February 28.", "2024-02-09",
    "2024-02-24T07:00", "2024-02-28T23:59", TRUE },
  { "Strikes on 13, 14 and 15 March.", "2024-03-01", "2024-03-13", "2024-03-15", TRUE },
  { "They will walk out for five days from July 13.", "2023-07-01", "2023-07-13", "2023-07-17", TRUE },
  { "They staged six full days from January 3 to January 9.", "2024-02-09", "2024-01-03", "2024-01-09", TRUE },
  { "A 72-hour walkout from 7am on 13 March.", "2023-03-01", "2023-03-13T07:00", "2023-03-16T07:00", TRUE },
  { "A 72-hour walkout starting on 13 March.", "2023-03-01", "2023-03-13", "2023-03-15", TRUE },
  { "Talks resume next Tuesday.", "2025-07-31", "2025-08-05", NULL, TRUE },
  { "The walkout ended on Wednesday morning.", "2025-07-31", "2025-07-30", NULL, TRUE },
  { "Doctors will strike on Wednesday.", "2025-07-31", "2025-08-06", NULL, TRUE },
  { "The strike began on 24th February 2024.", NULL, "2024-02-24", NULL, FALSE },
  { "The strike began on February 24, 2024.", NULL, "2024-02-24", NULL, FALSE },
  { "The strike began on the 24th of February 2024.", NULL, "2024-02-24", NULL, FALSE },
  { "Doctors will strike from 24 to 28 February.", "2024-02-09", "2024-02-24", "2024-02-28", TRUE },
  { "Doctors will strike 24-28 February.", "2024-02-09", "2024-02-24", "2024-02-28", TRUE },
  { "Doctors will strike 24–28 February.", "2024-02-09", "2024-02-24", "2024-02-28", TRUE },
  { "Doctors will strike between 2 and 5 January.", "2024-01-01", "2024-01-02", "2024-01-05", TRUE },
  { "Doctors will strike from 28 December to 2 January.", "2023-12-01", "2023-12-28", "2024-01-02", TRUE },
  { "The offer came yesterday.", "2024-02-09", "2024-02-08", NULL, TRUE },
  { "A ballot closes today.", "2024-02-09", "2024-02-09", NULL, TRUE },
  /* the year nearest the publication date: last December, not next */
  { "The strike ended on 20 December.", "2024-01-05", "2023-12-20", NULL, TRUE },
  { "The walkout from 7am on Tuesday until 7am on Saturday.", "2025-07-24", "2025-07-22T07:00", "2025-07-26T07:00", TRUE },
  /* a start and the end after it */
  { "The walkout will begin at 7am on 14 November and end at 7am on 19 November.", "2023-10-10",
    "2023-11-14T07:00", "2023-11-19T07:00", TRUE },
  { "The ballot opens on 6 November and closes on 18 December.", "2023-10-10", "2023-11-06", "2023-12-18", TRUE },
  /* the weekdays pick the year, and the first day takes the last's */
  { "Consultants will strike on Thursday 24 and Friday 25 August.", "2025-07-10", "2023-08-24", "2023-08-25", TRUE },
  { "They walk out from 7am on Monday 13 March.", "2025-07-10", "2023-03-13T07:00", NULL, TRUE },
  /* not dates */
  { "The strike began in January.", "2024-02-09", NULL, NULL, FALSE },
  { "Some 7 people were there at 7am.", "2024-02-09", NULL, NULL, FALSE },
  { "May we say so.", "2024-02-09", NULL, NULL, FALSE },
  { "Protesters will march on Downing Street.", "2024-02-09", NULL, NULL, FALSE },
  { "The talks were on Wednesday", NULL, NULL, NULL, FALSE },
  { "Wednesday was busy.", "2024-02-09", NULL, NULL, FALSE },
  { "On 31 February nothing happened.", "2024-02-09", NULL, NULL, FALSE },
  { "Pay rose 5% in 2023.", "2024-02-09", NULL, NULL, FALSE },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      gboolean resolved = FALSE;
      gboolean found = nhs_extract_parse_date (c->text, c->published, &start, &end, &resolved);

      g_test_message ("%s → %s %s", c->text, start ? start : "(none)", end ? end : "");
      g_assert_cmpint (found, ==, c->start != NULL);
      g_assert_cmpstr (start, ==, c->start);
      g_assert_cmpstr (end, ==, c->end);
      if (found)
        g_assert_cmpint (resolved, ==, c->resolved);
    }
}

typedef struct
{
  const char *text;
  gboolean found;
  double value;
  NhsFigureUnit unit;
  NhsFigureMetric metric;
} FigureCase;

static const FigureCase figure_cases[] = {
  { "A one-off payment of £1,250 each.", TRUE, 1250, NHS_FIGURE_UNIT_GBP, NHS_FIGURE_METRIC_OTHER },
  { "Strikes cost the NHS £1bn.", TRUE, 1e9, NHS_FIGURE_UNIT_GBP, NHS_FIGURE_METRIC_COST },
  { "The cost of cover reached £300m.", TRUE, 3e8, NHS_FIGURE_UNIT_GBP, NHS_FIGURE_METRIC_COST },
  { "The walkouts have cost £1.5 billion.", TRUE, 1.5e9, NHS_FIGURE_UNIT_GBP, NHS_FIGURE_METRIC_COST },
  { "More than 1.3 million appointments were rescheduled.", TRUE, 1.3e6, NHS_FIGURE_UNIT_COUNT,
    NHS_FIGURE_METRIC_APPOINTMENTS_RESCHEDULED },
  { "Some 12,000 operations were postponed.", TRUE, 12000, NHS_FIGURE_UNIT_COUNT,
    NHS_FIGURE_METRIC_APPOINTMENTS_RESCHEDULED },
  { "Members rejected the offer by 51.1 per cent.", TRUE, 51.1, NHS_FIGURE_UNIT_PERCENT,
    NHS_FIGURE_METRIC_VOTE_SHARE },
  { "98% voted in favour of strike action.", TRUE, 98, NHS_FIGURE_UNIT_PERCENT, NHS_FIGURE_METRIC_VOTE_SHARE },
  { "The ballot had a turnout of 61%.", TRUE, 61, NHS_FIGURE_UNIT_PERCENT, NHS_FIGURE_METRIC_TURNOUT },
  { "The government offered a pay rise of 4.5 percent.", TRUE, 4.5, NHS_FIGURE_UNIT_PERCENT,
    NHS_FIGURE_METRIC_PAY_OFFER },
  { "The union wants pay restoration of 35%.", TRUE, 35, NHS_FIGURE_UNIT_PERCENT, NHS_FIGURE_METRIC_PAY_CLAIM },
  { "Consultants got a 6% pay award.", TRUE, 6, NHS_FIGURE_UNIT_PERCENT, NHS_FIGURE_METRIC_PAY_AWARD },
  { "Real-terms pay has fallen by 26% since 2008.", TRUE, -26, NHS_FIGURE_UNIT_PERCENT,
    NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE },
  { "Pay in real terms is down 20.7%.", TRUE, -20.7, NHS_FIGURE_UNIT_PERCENT,
    NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE },
  /* a percentage about something else says what it measures nowhere */
  { "Hospitals kept 80% of their services.", TRUE, 80, NHS_FIGURE_UNIT_PERCENT, NHS_FIGURE_METRIC_OTHER },
  /* not figures */
  { "They walk out at 7am.", FALSE, 0, 0, 0 },
  { "They walk out on 24 February.", FALSE, 0, 0, 0 },
  { "The dispute began in 2023.", FALSE, 0, 0, 0 },
  { "Five days of action.", FALSE, 0, 0, 0 },
};

static void
test_figures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (figure_cases); i++)
    {
      const FigureCase *c = &figure_cases[i];
      double value = 0;
      NhsFigureUnit unit = 0;
      NhsFigureMetric metric = 0;
      gboolean found = nhs_extract_parse_figure (c->text, &value, &unit, &metric);

      g_test_message ("%s → %g %d %d", c->text, value, unit, metric);
      g_assert_cmpint (found, ==, c->found);
      if (!found)
        continue;
      g_assert_cmpfloat_with_epsilon (value, c->value, 1e-9 * MAX (1.0, fabs (c->value)));
      g_assert_cmpint (unit, ==, c->unit);
      g_assert_cmpint (metric, ==, c->metric);
    }
}

static void
test_value_matches (void)
{
  /* the text's "22%" is the dataset's 22.3; "1.3 million" 1,333,221 */
  g_assert_true (nhs_extract_value_matches (22, 1, 22.3));
  g_assert_true (nhs_extract_value_matches (1.3e6, 1e5, 1333221));
  g_assert_true (nhs_extract_value_matches (8.8, 0.1, 8.8));
  g_assert_false (nhs_extract_value_matches (22, 1, 22.6));
  g_assert_false (nhs_extract_value_matches (8.8, 0.1, 8.86));
  g_assert_false (nhs_extract_value_matches (1.3e6, 1e5, 1.36e6));
  g_assert_true (nhs_extract_value_matches (-31, 1, -31));
  g_assert_false (nhs_extract_value_matches (31, 1, -31));
}

static void
test_sentences (void)
{
  const char *text = "Dr. Smith said the strike goes ahead. It starts on 24 February! Does it? "
                     "The U.K. is 1.3 times bigger.\nA heading\n“A quote.” Then more.";
  const char *expected[] = {
    "Dr. Smith said the strike goes ahead.", "It starts on 24 February!", "Does it?",
    "The U.K. is 1.3 times bigger.", "A heading", "“A quote.”", "Then more.",
  };
  g_autoptr(GArray) spans = nhs_extract_sentences (text, -1);

  g_assert_cmpuint (spans->len, ==, 2 * G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gsize start = g_array_index (spans, gsize, 2 * i);
      gsize end = g_array_index (spans, gsize, 2 * i + 1);
      g_autofree char *sentence = g_strndup (text + start, end - start);
      g_assert_cmpstr (sentence, ==, expected[i]);
    }
}

static guint count_kind (GPtrArray *candidates, NhsEventKind kind);

/* Text without full stops is cut into sentences of at most 1,000 bytes,
 * at spaces, covering every word; a long run of times is no deeper work */
static void
test_long_sentences (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  gsize covered = 0;

  while (text->len < 100000)
    g_string_append (text, "7am, junior doctors strike on 24 February and 51.1% voted ");
  spans = nhs_extract_sentences (text->str, text->len);
  g_assert_cmpuint (spans->len / 2, >, 100);
  for (guint i = 0; i < spans->len / 2; i++)
    {
      gsize start = g_array_index (spans, gsize, 2 * i);
      gsize end = g_array_index (spans, gsize, 2 * i + 1);

      g_assert_cmpuint (end - start, <=, 1000);
      g_assert_cmpuint (start, >=, covered);
      /* only the space at a cut is left out */
      g_assert_cmpuint (start - covered, <=, 1);
      g_assert_true (text->str[end] == ' ' || end == text->len || text->str[end - 1] == ' ' || text->str[end] != ' ');
      covered = end;
    }
  g_assert_cmpuint (covered, ==, text->len - 1);

  candidates = nhs_extract (text->str, text->len, "2024-02-01", NULL);
  /* the strike and the figure, found in every sentence, merged: a few
   * candidates, not hundreds */
  g_assert_cmpuint (candidates->len, <=, 3);
  g_assert_cmpuint (count_kind (candidates, NHS_EVENT_KIND_STRIKE), ==, 1);
  g_clear_pointer (&candidates, g_ptr_array_unref);

  g_string_truncate (text, 0);
  while (text->len < 200000)
    g_string_append (text, "7am on 7am on ");
  candidates = nhs_extract (text->str, text->len, "2024-02-01", NULL);
  g_assert_cmpuint (candidates->len, ==, 0);
}

static guint
count_kind (GPtrArray    *candidates,
            NhsEventKind  kind)
{
  guint n = 0;
  for (guint i = 0; i < candidates->len; i++)
    {
      NhsCandidate *c = candidates->pdata[i];
      n += c->type == NHS_CANDIDATE_EVENT && c->kind == kind;
    }
  return n;
}

static NhsCandidate *
first_of (GPtrArray        *candidates,
          NhsCandidateType  type)
{
  for (guint i = 0; i < candidates->len; i++)
    if (((NhsCandidate *) candidates->pdata[i])->type == type)
      return candidates->pdata[i];
  return NULL;
}

typedef struct
{
  const char *text;
  const char *published;
  guint strikes;
  const char *groups;   /* of the first strike, joined by "," */
} EventCase;

static const EventCase event_cases[] = {
  { "Junior doctors in England will strike from 7am on 13 March until 7am on 16 March.", "2023-03-01", 1, "resident" },
  { "Resident doctors will walk out on 27 June.", "2025-06-01", 1, "resident" },
  { "Consultants and SAS doctors will strike on 24 and 25 August.", "2023-08-01", 1, "consultant,sas" },
  { "Specialty and specialist doctors will strike on 5 March.", "2024-02-01", 1, "sas" },
  /* the group named in the sentence before */
  { "Junior doctors are angry. They will strike on 13 March.", "2023-03-01", 1, "resident" },
  /* what is not a strike of these groups on that day */
  { "Consultants said they would not call any more strikes until November 3.", "2023-10-20", 0, NULL },
  { "The strike on 13 March was called off.", "2023-03-01", 0, NULL },
  { "Junior doctors will not strike on 13 March.", "2023-03-01", 0, NULL },
  { "There will be no walkout by junior doctors on 13 March.", "2023-03-01", 0, NULL },
  { "Nurses will strike on 5 March.", "2023-03-01", 0, NULL },
  { "Junior doctors in Scotland will strike on 5 March.", "2023-03-01", 0, NULL },
  { "Junior doctors in Wales will strike on 5 March.", "2023-03-01", 0, NULL },
  { "Junior doctors in Northern Ireland will strike on 5 March.", "2023-03-01", 0, NULL },
  { "In 2016 junior doctors staged a strike on 26 April.", "2023-03-01", 0, NULL },
  { "It gives consultants a mandate to strike until 18 June 2024.", "2023-11-06", 0, NULL },
  { "Junior doctors will strike later this month.", "2023-03-01", 0, NULL },
  { "In a letter sent to the BMA on Wednesday, the minister criticised the junior doctors' strike.", "2025-07-31", 0, NULL },
};

static void
test_events (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_cases); i++)
    {
      const EventCase *c = &event_cases[i];
      g_autoptr(GPtrArray) candidates = nhs_extract (c->text, -1, c->published, NULL);

      g_test_message ("%s", c->text);
      g_assert_cmpuint (count_kind (candidates, NHS_EVENT_KIND_STRIKE), ==, c->strikes);
      for (guint k = 0; k < candidates->len; k++)
        {
          NhsCandidate *cand = candidates->pdata[k];

          /* every quote is the text's own words, where it says */
          g_assert_nonnull (strstr (c->text, cand->quote));
          g_assert_cmpint (memcmp (c->text + cand->quote_start, cand->quote, strlen (cand->quote)), ==, 0);
          g_assert_cmpfloat (cand->confidence, >, 0.0);
          g_assert_cmpfloat (cand->confidence, <, 1.0);
          if (cand->type == NHS_CANDIDATE_EVENT && cand->kind == NHS_EVENT_KIND_STRIKE && c->groups)
            {
              g_autofree char *groups = g_strjoinv (",", cand->groups);
              g_assert_cmpstr (groups, ==, c->groups);
              g_assert_nonnull (cand->title);
            }
        }
    }
}

/* A ballot with its mandate's strike, and the talks, are not strikes */
static void
test_event_kinds (void)
{
  g_autoptr(GPtrArray) candidates = nhs_extract (
    "The ballot of SAS doctors and the re-ballot of consultants will run from November 6 to December 18.",
    -1, "2023-11-06", NULL);
  NhsCandidate *c = first_of (candidates, NHS_CANDIDATE_EVENT);

  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, NHS_EVENT_KIND_BALLOT);
  g_assert_cmpstr (c->start, ==, "2023-11-06");
  g_assert_cmpstr (c->end, ==, "2023-12-18");
  g_assert_cmpstr (c->groups[0], ==, "consultant");
  g_assert_cmpstr (c->groups[1], ==, "sas");
  g_assert_null (c->groups[2]);
}

/* "a five-day strike" in one sentence, "ended on Wednesday morning" in the
 * next: one window, quoting both */
static void
test_length_from_sentence_before (void)
{
  const char *text = "Talks follow a five-day strike by junior doctors in England.\n"
                     "The walkout, which ended on Wednesday morning, was the twelfth.";
  g_autoptr(GPtrArray) candidates = nhs_extract (text, -1, "2025-07-31", NULL);
  NhsCandidate *c = first_of (candidates, NHS_CANDIDATE_EVENT);

  g_assert_nonnull (c);
  g_assert_cmpint (c->kind, ==, NHS_EVENT_KIND_STRIKE);
  g_assert_cmpstr (c->start, ==, "2025-07-25");
  g_assert_cmpstr (c->end, ==, "2025-07-30");
  g_assert_true (c->resolved);
  g_assert_cmpstr (c->quote, ==, text);
}

static void
test_figure_candidates (void)
{
  const char *text = "A DHSC spokesperson said: “Junior doctors got an average 8.8% pay rise and consultants 6%.”";
  g_autoptr(GPtrArray) candidates = nhs_extract (text, -1, "2023-11-06", NULL);
  NhsCandidate *a, *b;

  g_assert_cmpuint (candidates->len, ==, 2);
  a = candidates->pdata[0];
  b = candidates->pdata[1];
  g_assert_cmpint (a->metric, ==, NHS_FIGURE_METRIC_PAY_AWARD);
  g_assert_cmpfloat (a->value, ==, 8.8);
  g_assert_cmpstr (a->group, ==, "resident");
  g_assert_cmpstr (a->claimant, ==, "government");
  g_assert_cmpfloat (b->value, ==, 6);
  g_assert_cmpstr (b->group, ==, "consultant");
  g_assert_cmpstr (a->quote, ==, text);
}

/* A figure nearer other staff than any doctors is theirs */
static void
test_other_staff_figures (void)
{
  g_autoptr(GPtrArray) candidates = nhs_extract ("Nurses have been offered a 5% pay rise, while consultants were offered 4.5%.",
                                                 -1, "2023-11-06", NULL);
  NhsCandidate *c;

  g_assert_cmpuint (candidates->len, ==, 1);
  c = candidates->pdata[0];
  g_assert_cmpfloat (c->value, ==, 4.5);
  g_assert_cmpint (c->metric, ==, NHS_FIGURE_METRIC_PAY_OFFER);
  g_assert_cmpstr (c->group, ==, "consultant");
}

/* Findings the dataset has already are more evidence for those items */
static void
test_matches (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_file (file, NULL, &error);
  g_autoptr(GPtrArray) candidates = NULL;
  NhsCandidate *event, *figure;

  g_assert_no_error (error);
  candidates = nhs_extract ("Junior doctors will strike from 7am on February 24 until 11.59pm on February 28. "
                            "Junior doctors were awarded 8.8% in pay. "
                            "Junior doctors will strike on 3 May.",
                            -1, "2024-02-09", dataset);
  g_assert_cmpuint (candidates->len, ==, 3);
  event = candidates->pdata[0];
  figure = candidates->pdata[1];
  g_assert_cmpint (event->type, ==, NHS_CANDIDATE_EVENT);
  g_assert_cmpstr (event->matches, ==, "rd-2024-02");
  g_assert_cmpint (figure->type, ==, NHS_CANDIDATE_FIGURE);
  g_assert_cmpstr (figure->matches, ==, "award-2023-resident");
  /* a new strike matches nothing */
  g_assert_null (((NhsCandidate *) candidates->pdata[2])->matches);
}

static void
test_marks (void)
{
  const char *text = "They strike from 7am on February 24 until 11.59pm on February 28, after a 5% rise "
                     "and £1bn in costs since 2008.\nIn January, on 13, 14 and 15 March; 2,000 doctors.";
  const char *expected[] = {
    "7am on February 24", "11.59pm on February 28", "5%", "£1bn", "2008", "13", "15 March",
  };
  const NhsMarkType types[] = {
    NHS_MARK_DATE, NHS_MARK_DATE, NHS_MARK_FIGURE, NHS_MARK_FIGURE, NHS_MARK_DATE, NHS_MARK_DATE, NHS_MARK_DATE,
  };
  g_autoptr(GArray) marks = nhs_extract_marks (text, -1);

  g_assert_cmpuint (marks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < marks->len; i++)
    {
      NhsMark *m = &g_array_index (marks, NhsMark, i);
      g_autofree char *marked = g_strndup (text + m->start, m->end - m->start);

      g_assert_cmpstr (marked, ==, expected[i]);
      g_assert_cmpint (m->type, ==, types[i]);
    }
}

/* Whatever the text, quotes stay inside it and on character boundaries */
static void
test_random_text (void)
{
  static const char * const words[] = {
    "strike", "on", "24", "February", "from", "7am", "until", "£1bn", "1.3", "million", "appointments",
    "junior", "doctors", "consultants", ",", ".", "and", "13", "–", "per", "cent", "%", "Wednesday", "next",
    "morning", "ballot", "mandate", "“", "”", "\n", "é", "five-day", "walkout", "ended", "offer", "pay",
  };
  GRand *rand = g_rand_new_with_seed (17);

  for (int round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) candidates = NULL;
      int n = g_rand_int_range (rand, 1, 60);

      for (int i = 0; i < n; i++)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (text, ' ');
        }
      candidates = nhs_extract (text->str, text->len, "2024-02-09", NULL);
      for (guint k = 0; k < candidates->len; k++)
        {
          NhsCandidate *c = candidates->pdata[k];
          g_assert_cmpuint (c->quote_end, <=, text->len);
          g_assert_cmpint (memcmp (text->str + c->quote_start, c->quote, c->quote_end - c->quote_start), ==, 0);
          g_assert_true (g_utf8_validate (c->quote, -1, NULL));
        }
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/dates", test_dates);
  g_test_add_func ("/extract/figures", test_figures);
  g_test_add_func ("/extract/value-matches", test_value_matches);
  g_test_add_func ("/extract/sentences", test_sentences);
  g_test_add_func ("/extract/long-sentences", test_long_sentences);
  g_test_add_func ("/extract/events", test_events);
  g_test_add_func ("/extract/event-kinds", test_event_kinds);
  g_test_add_func ("/extract/length-from-sentence-before", test_length_from_sentence_before);
  g_test_add_func ("/extract/figure-candidates", test_figure_candidates);
  g_test_add_func ("/extract/other-staff-figures", test_other_staff_figures);
  g_test_add_func ("/extract/matches", test_matches);
  g_test_add_func ("/extract/marks", test_marks);
  g_test_add_func ("/extract/random-text", test_random_text);
  return g_test_run ();
}
