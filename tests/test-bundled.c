/* test-bundled.c: the dataset compiled into the app
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-stats.h"
#include "test-util.h"

/* Counted by hand: residents 3+4+3+5+4+3+3+3+6+5+5+5+5+5 over 14 merged
 * rounds (the HCSA one-day strike of 15 March 2023 lies inside the BMA walkout
 * of 13–16 March); consultants 2+2+2+3; SAS doctors balloted but never struck. */
#define EXPECTED_RESIDENT_ROUNDS 14
#define EXPECTED_RESIDENT_DAYS 59
#define EXPECTED_SAS_ROUNDS 0
#define EXPECTED_SAS_DAYS 0

static NhsDataset *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static void
test_loads (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  GListModel *groups = nhs_dataset_get_groups (ds);

  g_assert_true (nhs_dataset_is_bundled (ds));
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 3);
  g_assert_nonnull (nhs_dataset_lookup_group (ds, "resident"));
  g_assert_nonnull (nhs_dataset_lookup_group (ds, "consultant"));
  g_assert_nonnull (nhs_dataset_lookup_group (ds, "sas"));
  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_articles (ds)), ==, 5);
  g_assert_cmpuint (nhs_dataset_get_n_events (ds), >=, 40);
}

/* The loader already refuses a quote missing from its article; check it
 * independently here, by searching the body ourselves. */
static void
test_quotes_verbatim_and_evidence (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  GListModel *figures = nhs_dataset_get_figures (ds);
  guint n_article_quotes = 0;

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (ds, i);
      GPtrArray *evidence = nhs_event_get_evidence (event);

      if (evidence->len == 0)
        g_error ("event %s cites no evidence", nhs_event_get_id (event));
      for (guint e = 0; e < evidence->len; e++)
        {
          NhsEvidence *ev = g_ptr_array_index (evidence, e);
          NhsArticle *article = nhs_evidence_get_article (ev);
          if (article == NULL)
            {
              g_assert_nonnull (nhs_evidence_get_source (ev));
              continue;
            }
          if (strstr (nhs_article_get_body (article), nhs_evidence_get_quote (ev)) == NULL)
            g_error ("quote of %s not in %s", nhs_event_get_id (event), nhs_article_get_id (article));
          n_article_quotes++;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(NhsFigure) figure = g_list_model_get_item (figures, i);
      GPtrArray *evidence = nhs_figure_get_evidence (figure);

      if (evidence->len == 0)
        g_error ("figure %s cites no evidence", nhs_figure_get_id (figure));
      for (guint e = 0; e < evidence->len; e++)
        {
          NhsEvidence *ev = g_ptr_array_index (evidence, e);
          if (nhs_evidence_get_article (ev))
            g_assert_nonnull (strstr (nhs_article_get_body (nhs_evidence_get_article (ev)),
                                      nhs_evidence_get_quote (ev)));
        }
    }
  /* the seed articles are used, not just carried */
  g_assert_cmpuint (n_article_quotes, >=, 5);
}

/* Totals worked out by hand from the strike list in docs/dataset.md */
static void
test_strike_totals (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  g_autoptr(GArray) totals = nhs_stats_strike_totals (ds, NULL);

  g_assert_cmpuint (test_totals_for (totals, "resident")->rounds, ==, EXPECTED_RESIDENT_ROUNDS);
  g_assert_cmpuint (test_totals_for (totals, "resident")->strike_days, ==, EXPECTED_RESIDENT_DAYS);
  g_assert_cmpuint (test_totals_for (totals, "consultant")->rounds, ==, 4);
  g_assert_cmpuint (test_totals_for (totals, "consultant")->strike_days, ==, 9);
  g_assert_cmpuint (test_totals_for (totals, "sas")->rounds, ==, EXPECTED_SAS_ROUNDS);
  g_assert_cmpuint (test_totals_for (totals, "sas")->strike_days, ==, EXPECTED_SAS_DAYS);
}

static void
test_consultant_strikes_2023 (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  const guint expected[] = { 2, 2, 2, 3 };
  guint n = 0;

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (ds, i);
      if (nhs_event_get_kind (event) != NHS_EVENT_KIND_STRIKE ||
          !nhs_event_has_group (event, nhs_dataset_lookup_group (ds, "consultant")))
        continue;
      if (g_date_time_get_year (nhs_event_get_start (event)) != 2023)
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpuint (nhs_event_get_strike_days (event), ==, expected[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundled/loads", test_loads);
  g_test_add_func ("/bundled/quotes-verbatim-and-evidence", test_quotes_verbatim_and_evidence);
  g_test_add_func ("/bundled/strike-totals", test_strike_totals);
  g_test_add_func ("/bundled/consultant-strikes-2023", test_consultant_strikes_2023);

  return g_test_run ();
}
