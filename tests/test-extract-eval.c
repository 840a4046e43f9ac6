/* test-extract-eval.c: scores the extractor on the bundled dataset's
 * articles against what the dataset draws from them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each article of the bundled dataset, its body and publication date
 * go through nhs_extract() with no dataset (so nothing is matched by
 * looking it up), and the candidates are compared with the dataset:
 *
 * - strike windows: the strike events with evidence quoting the article,
 *   as (start day, end day, groups), days in the dataset's time zone; a
 *   candidate counts when its kind is strike and all three are equal.
 *   Recall is over the windows whose quote in that article states a date
 *   (a day of a month, or a weekday): a window cited only for "four
 *   rounds of strike action" cannot be read from that article. Recall
 *   over every cited window is printed too.
 * - figures: the figures with evidence quoting the article, as (metric,
 *   value, unit); a candidate counts when metric and unit are equal and
 *   its value is the dataset's rounded to the digits the text gave ("22%"
 *   for 22.3, "1.3 million" for 1,333,221).
 *
 * Each dataset item and each candidate is paired at most once. Precision
 * counts every strike (or figure) candidate. docs/extraction.md explains
 * the figures this prints; the test fails below the targets.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-extract.h"
#include "nhs-model.h"

#define WINDOW_RECALL_TARGET 0.95
#define WINDOW_PRECISION_TARGET 0.90
#define FIGURE_RECALL_TARGET 0.90
#define FIGURE_PRECISION_TARGET 0.80

typedef struct
{
  guint gold;
  guint gold_stated;
  guint found;
  guint found_stated;
  guint predicted;
  guint correct;
} Score;

static char *
local_day (NhsDataset *dataset,
           GDateTime  *dt)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return NULL;
  local = g_date_time_to_timezone (dt, nhs_dataset_get_timezone (dataset));
  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
groups_key (NhsEvent *event)
{
  GPtrArray *groups = nhs_event_get_groups (event);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (ids, (char *) nhs_group_get_id (groups->pdata[i]));
  g_ptr_array_sort (ids, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

static char *
candidate_groups_key (NhsCandidate *c)
{
  g_auto(GStrv) copy = g_strdupv (c->groups);
  guint n = g_strv_length (copy);

  /* groups_to_strv writes them sorted already; sort anyway */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (strcmp (copy[i], copy[j]) > 0)
        {
          char *t = copy[i];
          copy[i] = copy[j];
          copy[j] = t;
        }
  return g_strjoinv (",", copy);
}

/* The quote says when: a day with a month, or a weekday */
static gboolean
quote_states_date (const char *quote)
{
  static GRegex *day = NULL;

  if (day == NULL)
    day = g_regex_new ("\\b(\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)"
                       "|(January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2}\\b"
                       "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
                       G_REGEX_OPTIMIZE, 0, NULL);
  return g_regex_match (day, quote, 0, NULL);
}

static const char *
evidence_quote_for (GPtrArray  *evidence,
                    NhsArticle *article)
{
  for (guint i = 0; i < evidence->len; i++)
    if (nhs_evidence_get_article (evidence->pdata[i]) == article)
      return nhs_evidence_get_quote (evidence->pdata[i]);
  return NULL;
}

static void
score_article (NhsDataset *dataset,
               NhsArticle *article,
               Score      *windows,
               Score      *figures)
{
  g_autofree char *published = local_day (dataset, nhs_article_get_published (article));
  const char *body = nhs_article_get_body (article);
  g_autoptr(GPtrArray) candidates = nhs_extract (body, -1, published, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GListModel *events = nhs_dataset_get_events (dataset);
  GListModel *figs = nhs_dataset_get_figures (dataset);
  Score w = { 0 }, f = { 0 };

  g_test_message ("%s (published %s)", nhs_article_get_id (article), published);

  for (guint i = 0; i < candidates->len; i++)
    {
      NhsCandidate *c = candidates->pdata[i];
      g_assert_true (strncmp (body + c->quote_start, c->quote, strlen (c->quote)) == 0);
      g_assert_cmpuint (c->quote_end - c->quote_start, ==, strlen (c->quote));
      if (c->type == NHS_CANDIDATE_EVENT && c->kind == NHS_EVENT_KIND_STRIKE)
        w.predicted++;
      else if (c->type == NHS_CANDIDATE_FIGURE)
        f.predicted++;
    }

  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(NhsEvent) event = g_list_model_get_item (events, e);
      const char *quote = evidence_quote_for (nhs_event_get_evidence (event), article);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *groups = NULL;
      gboolean stated, found = FALSE;

      if (nhs_event_get_kind (event) != NHS_EVENT_KIND_STRIKE || quote == NULL)
        continue;
      start = local_day (dataset, nhs_event_get_start (event));
      end = local_day (dataset, nhs_event_get_end (event));
      groups = groups_key (event);
      stated = quote_states_date (quote);
      w.gold++;
      w.gold_stated += stated;

      for (guint i = 0; i < candidates->len && !found; i++)
        {
          NhsCandidate *c = candidates->pdata[i];
          g_autofree char *cgroups = NULL;

          if (c->type != NHS_CANDIDATE_EVENT || c->kind != NHS_EVENT_KIND_STRIKE ||
              g_hash_table_contains (used, c))
            continue;
          cgroups = candidate_groups_key (c);
          if (strncmp (c->start, start, 10) == 0 && strcmp (cgroups, groups) == 0 &&
              ((end == NULL && c->end == NULL) || (end && c->end && strncmp (c->end, end, 10) == 0)))
            {
              g_hash_table_add (used, c);
              found = TRUE;
            }
        }
      w.found += found;
      w.found_stated += found && stated;
      w.correct += found;
      g_test_message ("  strike %s %s..%s [%s]%s: %s", nhs_event_get_id (event), start, end ? end : "",
                      groups, stated ? "" : " (no date in its quote)", found ? "found" : "MISSED");
    }

  for (guint k = 0; k < g_list_model_get_n_items (figs); k++)
    {
      g_autoptr(NhsFigure) figure = g_list_model_get_item (figs, k);
      const char *quote = evidence_quote_for (nhs_figure_get_evidence (figure), article);
      gboolean found = FALSE;

      if (quote == NULL)
        continue;
      f.gold++;
      f.gold_stated++;
      for (guint i = 0; i < candidates->len && !found; i++)
        {
          NhsCandidate *c = candidates->pdata[i];

          if (c->type != NHS_CANDIDATE_FIGURE || g_hash_table_contains (used, c))
            continue;
          if (c->metric == nhs_figure_get_metric (figure) && c->unit == nhs_figure_get_unit (figure) &&
              nhs_extract_value_matches (c->value, c->precision, nhs_figure_get_value (figure)))
            {
              g_hash_table_add (used, c);
              found = TRUE;
            }
        }
      f.found += found;
      f.found_stated += found;
      f.correct += found;
      g_test_message ("  figure %s %g: %s", nhs_figure_get_id (figure), nhs_figure_get_value (figure),
                      found ? "found" : "MISSED");
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      NhsCandidate *c = candidates->pdata[i];

      if (g_hash_table_contains (used, c))
        continue;
      if (c->type == NHS_CANDIDATE_FIGURE)
        g_test_message ("  extra figure %g (metric %d): %s", c->value, c->metric, c->quote);
      else if (c->kind == NHS_EVENT_KIND_STRIKE)
        g_test_message ("  extra strike %s..%s: %s", c->start, c->end ? c->end : "", c->quote);
    }

  windows->gold += w.gold;
  windows->gold_stated += w.gold_stated;
  windows->found += w.found;
  windows->found_stated += w.found_stated;
  windows->predicted += w.predicted;
  windows->correct += w.correct;
  figures->gold += f.gold;
  figures->gold_stated += f.gold_stated;
  figures->found += f.found;
  figures->found_stated += f.found_stated;
  figures->predicted += f.predicted;
  figures->correct += f.correct;
}

static double
ratio (guint a,
       guint b)
{
  return b ? (double) a / b : 1.0;
}

static void
test_eval_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bundled (&error);
  GListModel *articles;
  Score windows = { 0 }, figures = { 0 };
  double wr, wp, fr, fp;

  g_assert_no_error (error);
  articles = nhs_dataset_get_articles (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (articles), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(NhsArticle) article = g_list_model_get_item (articles, i);
      score_article (dataset, article, &windows, &figures);
    }

  wr = ratio (windows.found_stated, windows.gold_stated);
  wp = ratio (windows.correct, windows.predicted);
  fr = ratio (figures.found, figures.gold);
  fp = ratio (figures.correct, figures.predicted);

  g_test_message ("articles: %u", g_list_model_get_n_items (articles));
  g_test_message ("strike windows: recall %u/%u = %.1f%% (target %.0f%%), precision %u/%u = %.1f%% (target %.0f%%)",
                  windows.found_stated, windows.gold_stated, 100 * wr, 100 * WINDOW_RECALL_TARGET,
                  windows.correct, windows.predicted, 100 * wp, 100 * WINDOW_PRECISION_TARGET);
  g_test_message ("strike windows, every one cited (dated in the article or not): recall %u/%u = %.1f%%",
                  windows.found, windows.gold, 100 * ratio (windows.found, windows.gold));
  g_test_message ("figures: recall %u/%u = %.1f%% (target %.0f%%), precision %u/%u = %.1f%% (target %.0f%%)",
                  figures.found, figures.gold, 100 * fr, 100 * FIGURE_RECALL_TARGET,
                  figures.correct, figures.predicted, 100 * fp, 100 * FIGURE_PRECISION_TARGET);

  /* something to score, or the figures mean nothing */
  g_assert_cmpuint (windows.gold_stated, >, 0);
  g_assert_cmpuint (figures.gold, >, 0);
  g_assert_cmpfloat (wr, >=, WINDOW_RECALL_TARGET);
  g_assert_cmpfloat (wp, >=, WINDOW_PRECISION_TARGET);
  g_assert_cmpfloat (fr, >=, FIGURE_RECALL_TARGET);
  g_assert_cmpfloat (fp, >=, FIGURE_PRECISION_TARGET);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/eval/bundled", test_eval_bundled);
  return g_test_run ();
}
