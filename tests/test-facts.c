/* test-facts.c: the corrections and additions of issue 14, pinned to their sources
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test names the sources that fix the values it checks; docs/dataset.md
 * lists them with their addresses. A failure here means the bundled data moved
 * away from what those sources say.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "nhs-dataset-loader.h"
#include "nhs-stats.h"
#include "test-util.h"

static NhsDataset *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_bundled (&error);

  g_assert_no_error (error);
  return ds;
}

static NhsEvent *
event (NhsDataset *ds,
       const char *id)
{
  NhsEvent *e = nhs_dataset_lookup_event (ds, id);

  if (e == NULL)
    g_error ("no event %s", id);
  return e;
}

static NhsFigure *
figure (NhsDataset *ds,
        const char *id)
{
  NhsFigure *f = nhs_dataset_lookup_figure (ds, id);

  if (f == NULL)
    g_error ("no figure %s", id);
  return f;
}

/* Local (Europe/London) wall-clock fields of a date-time */
static void
assert_local (GDateTime *dt,
              int        year,
              int        month,
              int        day,
              int        hour,
              int        minute)
{
  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_get_year (dt), ==, year);
  g_assert_cmpint (g_date_time_get_month (dt), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (dt), ==, day);
  g_assert_cmpint (g_date_time_get_hour (dt), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (dt), ==, minute);
}

static gboolean
cites_source (GPtrArray  *evidence,
              const char *source_id)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      NhsSource *source = nhs_evidence_get_source (g_ptr_array_index (evidence, i));
      if (source != NULL && g_strcmp0 (nhs_source_get_id (source), source_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* An article quote with this text, checked against the article body too */
static gboolean
quotes (GPtrArray  *evidence,
        const char *text)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);
      NhsArticle *article = nhs_evidence_get_article (ev);
      if (article != NULL && g_strcmp0 (nhs_evidence_get_quote (ev), text) == 0)
        return strstr (nhs_article_get_body (article), text) != NULL;
    }
  return FALSE;
}

/* Sources: BMA SAS ballot guidance (deadline midday 18 Dec 2023, specialist
 * grade 8 Jan 2024); BMA 6 Nov 2023 and the Independent's article of that day
 * (ballot 6 Nov - 18 Dec, mandate to June 2024). The chart draws a mandate
 * from every ballot event tagged "mandate", so no SAS mandate may start
 * before the ballot closed. */
static void
test_sas_ballot_and_mandate (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  NhsEvent *ballot = event (ds, "ballot-sas-2023-12");
  NhsEvent *mandate = event (ds, "mandate-sas-2023-12");
  NhsGroup *sas = nhs_dataset_lookup_group (ds, "sas");

  g_assert_cmpint (nhs_event_get_kind (ballot), ==, NHS_EVENT_KIND_BALLOT);
  g_assert_false (nhs_event_has_tag (ballot, "mandate"));
  g_assert_true (nhs_event_get_start_is_date (ballot));
  assert_local (nhs_event_get_start (ballot), 2023, 11, 6, 0, 0);
  assert_local (nhs_event_get_end (ballot), 2023, 12, 18, 12, 0);

  g_assert_cmpint (nhs_event_get_kind (mandate), ==, NHS_EVENT_KIND_BALLOT);
  g_assert_true (nhs_event_has_tag (mandate, "mandate"));
  g_assert_true (nhs_event_has_group (mandate, sas));
  assert_local (nhs_event_get_start (mandate), 2023, 12, 18, 12, 0);
  g_assert_cmpint (nhs_event_get_start_us (mandate), ==, nhs_event_get_end_us (ballot));
  /* "a mandate to strike until June 2024"; the day is inferred */
  assert_local (nhs_event_get_end (mandate), 2024, 6, 18, 0, 0);
  g_assert_true (nhs_event_get_end_is_date (mandate));

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *e = nhs_dataset_get_event (ds, i);
      if (nhs_event_get_kind (e) == NHS_EVENT_KIND_BALLOT && nhs_event_has_tag (e, "mandate") &&
          nhs_event_has_group (e, sas))
        g_assert_cmpint (nhs_event_get_start_us (e), >=, nhs_event_get_start_us (mandate));
    }
}

/* The member "effective" is informational (the app ignores it), so read it
 * from the bundled file itself */
static char *
bundled_member (const char *event_id,
                const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/example/NhsDispute/dataset/nhs-dispute.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *events;

  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *o = json_array_get_object_element (events, i);
      if (g_strcmp0 (json_object_get_string_member (o, "id"), event_id) == 0)
        return json_object_has_member (o, member) ? g_strdup (json_object_get_string_member (o, member)) : NULL;
    }
  g_error ("no event %s in the bundled file", event_id);
}

/* Sources: written statement "NHS Workforce: Revised Offer to Unions" and
 * DHSC's release "Unions will recommend new offer to NHS consultants", both
 * 5 Mar 2024 (the revised offer); written statement HCWS401, 15 Apr 2024
 * ("the offer made on 5 March"); ITV/HFMA 5 Apr 2024 (its acceptance). The
 * written statement of 19 Jul 2022 (Doctors' and Dentists' Remuneration)
 * for the 2022/23 awards, effective from the pay year's start. */
static void
test_offer_and_award_dates (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  NhsEvent *offer = event (ds, "offer-cons-2024-03");
  const char *awards[] = { "award-2022-consultant", "award-2022-sas" };

  g_assert_cmpint (nhs_event_get_kind (offer), ==, NHS_EVENT_KIND_OFFER);
  g_assert_true (nhs_event_has_group (offer, nhs_dataset_lookup_group (ds, "consultant")));
  assert_local (nhs_event_get_start (offer), 2024, 3, 5, 0, 0);
  g_assert_true (cites_source (nhs_event_get_evidence (offer), "src-parallelparliament-2024-03-05"));
  g_assert_true (cites_source (nhs_event_get_evidence (offer), "src-wiredgov-dhsc-2024-03-05"));
  g_assert_true (cites_source (nhs_event_get_evidence (offer), "src-parallelparliament-2024-04-15"));
  /* the acceptance stays on its own day */
  assert_local (nhs_event_get_start (event (ds, "vote-cons-2024-04")), 2024, 4, 5, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (awards); i++)
    {
      NhsEvent *award = event (ds, awards[i]);
      g_autofree char *effective = bundled_member (awards[i], "effective");

      g_assert_cmpint (nhs_event_get_kind (award), ==, NHS_EVENT_KIND_PAY_AWARD);
      assert_local (nhs_event_get_start (award), 2022, 7, 19, 0, 0);
      g_assert_cmpstr (effective, ==, "2022-04-01");
      g_assert_true (cites_source (nhs_event_get_evidence (award), "src-parallelparliament-2022-07-19"));
    }
}

/* Sources: Hansard written statement of 19 Dec 2023 (offer made 16 Dec);
 * NHS Providers 18 Dec 2023 ("announced today"); NHS Employers and the BMA,
 * 1 Mar 2024 (rejected, 62.3%). */
static void
test_sas_first_offer (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  NhsEvent *offer = event (ds, "offer-sas-2023-12");

  g_assert_cmpint (nhs_event_get_kind (offer), ==, NHS_EVENT_KIND_OFFER);
  g_assert_true (nhs_event_has_group (offer, nhs_dataset_lookup_group (ds, "sas")));
  assert_local (nhs_event_get_start (offer), 2023, 12, 18, 0, 0);
  g_assert_true (cites_source (nhs_event_get_evidence (offer), "src-hansard-2023-12-19-sas"));
  g_assert_true (cites_source (nhs_event_get_evidence (offer), "src-nhsproviders-2023-12-18"));
  g_assert_nonnull (strstr (nhs_event_get_outcome (offer), "62.3%"));
}

/* Sources: BMA press release of 2 Apr 2025 (re-entry on 9 April if the DDRB
 * delay is not addressed) and bma.org.uk/residentspay (deadline passed, the
 * committee voted to re-enter dispute). The seed article of 31 Jul 2025,
 * upday 16 Jul, Healthcare Management UK and the Independent, 22 Jul 2025, for
 * the talks of 17 July and their end on 22 July. LBC, 6 Nov 2025, and The
 * British Eye for the written offer of Wednesday 5 Nov 2025. */
static void
test_resident_2025_additions (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  NhsEvent *reentry = event (ds, "ann-rd-2025-04-09");
  NhsEvent *talks = event (ds, "talks-rd-2025-07-17");
  NhsEvent *strike = event (ds, "rd-2025-07");
  NhsEvent *november_offer = event (ds, "offer-rd-2025-11");

  assert_local (nhs_event_get_start (reentry), 2025, 4, 9, 0, 0);
  g_assert_true (nhs_event_has_tag (reentry, "dispute"));
  g_assert_true (cites_source (nhs_event_get_evidence (reentry), "src-bma-2025-04-02"));
  g_assert_true (cites_source (nhs_event_get_evidence (reentry), "src-bma-residentspay"));

  g_assert_cmpint (nhs_event_get_kind (talks), ==, NHS_EVENT_KIND_TALKS);
  assert_local (nhs_event_get_start (talks), 2025, 7, 17, 0, 0);
  assert_local (nhs_event_get_end (talks), 2025, 7, 22, 0, 0);
  /* "last week" of an article dated 31 Jul: before the strike began */
  g_assert_cmpint (nhs_event_get_end_us (talks), <=, nhs_event_get_start_us (strike));
  g_assert_true (quotes (nhs_event_get_evidence (talks),
                         "It followed a breakdown in talks last week over working conditions and pay."));

  g_assert_cmpint (nhs_event_get_kind (november_offer), ==, NHS_EVENT_KIND_OFFER);
  assert_local (nhs_event_get_start (november_offer), 2025, 11, 5, 0, 0);
  g_assert_cmpint (nhs_event_get_end_us (november_offer), <=, nhs_event_get_start_us (event (ds, "rd-2025-11")));
  g_assert_true (cites_source (nhs_event_get_evidence (november_offer), "src-lbc-2025-11-06"));
  g_assert_true (cites_source (nhs_event_get_evidence (november_offer), "src-britisheye-2025-11"));
}

/* Sources: BMA ballot page (8 Dec 2025 - 2 Feb 2026); the BMA's post quoted
 * by the Independent, 2 Feb 2026 (93.4%, 52.54%); Distilled Post (28,598 of
 * 54,432); Loveworld UK (26,696 of 28,598); BMA The Doctor (mandate extended
 * until August 2026). */
static void
test_resident_reballot_2026 (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  NhsEvent *ballot = event (ds, "ballot-rd-2026-02");
  NhsEvent *mandate = event (ds, "mandate-rd-2026-02");
  NhsFigure *yes = figure (ds, "fig-vote-rd-2026-02");
  NhsFigure *turnout = figure (ds, "fig-turnout-rd-2026-02");
  g_autoptr(GDateTime) in_may = g_date_time_new (nhs_dataset_get_timezone (ds), 2026, 5, 1, 12, 0, 0);
  gboolean covered = FALSE;

  g_assert_false (nhs_event_has_tag (ballot, "mandate"));
  assert_local (nhs_event_get_start (ballot), 2025, 12, 8, 0, 0);
  assert_local (nhs_event_get_end (ballot), 2026, 2, 2, 0, 0);

  g_assert_true (nhs_event_has_tag (mandate, "mandate"));
  assert_local (nhs_event_get_start (mandate), 2026, 2, 2, 0, 0);
  /* "until August 2026"; six months from the result, the day inferred */
  assert_local (nhs_event_get_end (mandate), 2026, 8, 2, 0, 0);
  g_assert_true (cites_source (nhs_event_get_evidence (mandate), "src-bma-thedoctor-2026-02"));

  g_assert_cmpint (nhs_figure_get_metric (yes), ==, NHS_FIGURE_METRIC_VOTE_SHARE);
  g_assert_cmpfloat (nhs_figure_get_value (yes), ==, 93.4);
  /* 26,696 of 28,598 cast is 93.35%: the announced share leaves out spoiled
   * papers, as in July 2025, so it may only be a little higher */
  g_assert_cmpfloat (nhs_figure_get_value (yes) - 100.0 * 26696 / 28598, >=, 0.0);
  g_assert_cmpfloat (nhs_figure_get_value (yes) - 100.0 * 26696 / 28598, <, 0.1);
  g_assert_cmpint (nhs_figure_get_metric (turnout), ==, NHS_FIGURE_METRIC_TURNOUT);
  g_assert_cmpfloat (nhs_figure_get_value (turnout), ==, 52.54);
  g_assert_cmpfloat (fabs (100.0 * 28598 / 54432 - nhs_figure_get_value (turnout)), <, 0.005);
  g_assert_true (nhs_figure_get_event (yes) == ballot);
  g_assert_true (nhs_figure_get_event (turnout) == ballot);

  /* the residents' mandate no longer ends in January 2026 */
  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *e = nhs_dataset_get_event (ds, i);
      if (nhs_event_has_tag (e, "mandate") && nhs_event_has_group (e, nhs_dataset_lookup_group (ds, "resident")) &&
          nhs_event_get_start_us (e) <= g_date_time_to_unix (in_may) * G_USEC_PER_SEC &&
          nhs_event_get_end_us (e) > g_date_time_to_unix (in_may) * G_USEC_PER_SEC)
        covered = TRUE;
    }
  g_assert_true (covered);
}

/* Sources: BMA FAQ on the 2024 offer, updated 21 Aug 2024 ("our pay erosion
 * would go from 31.7% at its peak to 20.8%"); LBC and the Independent,
 * 23 Nov 2025 (July 2025 cost, estimator not named); the Independent,
 * 6 Jan 2026 (19,120 a day in December). */
static void
test_figures_and_citations (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  NhsFigure *peak = figure (ds, "fig-rtpc-rd-peak");
  NhsFigure *after = figure (ds, "fig-rtpc-rd-2024-09");
  NhsFigure *july = figure (ds, "fig-absent-avg-rd-2025-07");
  NhsFigure *december = figure (ds, "fig-absent-avg-rd-2025-12");
  NhsFigure *cost = figure (ds, "fig-cost-rd-2025-07");

  g_assert_cmpint (nhs_figure_get_metric (peak), ==, NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE);
  g_assert_cmpfloat (nhs_figure_get_value (peak), ==, -31.7);
  g_assert_cmpstr (nhs_figure_get_claimant (peak), ==, "BMA");
  g_assert_true (cites_source (nhs_figure_get_evidence (peak), "src-bma-rd-offer-faq-2024"));
  g_assert_cmpfloat (nhs_figure_get_value (after), ==, -20.8);
  g_assert_true (cites_source (nhs_figure_get_evidence (after), "src-bma-rd-offer-faq-2024"));

  /* NHS England's 4 Aug 2025 release does not hold 16,162 */
  g_assert_cmpfloat (nhs_figure_get_value (july), ==, 16162);
  g_assert_false (cites_source (nhs_figure_get_evidence (july), "src-nhse-wiredgov-2025-08-04"));
  g_assert_true (cites_source (nhs_figure_get_evidence (july), "src-nhse-2025-11-strike-data"));

  g_assert_cmpfloat (nhs_figure_get_value (december), ==, 19120);
  g_assert_true (cites_source (nhs_figure_get_evidence (december), "src-independent-2026-01-06"));

  /* a publisher reports an estimate; it did not make it */
  g_assert_null (nhs_figure_get_claimant (cost));
  g_assert_cmpfloat (nhs_figure_get_value (cost), ==, 300000000);
  g_assert_true (cites_source (nhs_figure_get_evidence (cost), "src-lbc-2025-11-23"));
}

/* Three quotes said less than their item: each item now also has a source
 * that says what it says, and the quote a note on what it shows. */
static void
test_partial_quotes_backed (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  const struct { const char *event; const char *source; } cases[] = {
    { "cons-2023-09", "src-roystoncrow-2023-09-19" },  /* 7am 19 Sep - 7am 21 Sep */
    { "cons-2023-09", "src-itv-2023-09-20" },          /* first joint strike, 20 Sep */
    { "hs-2023-11-atkins", "src-healthcareleader-atkins" },
    { "hs-2023-11-atkins", "src-hfma-electionwatch-2024" },
    { "hs-2024-07-streeting", "src-hfma-electionwatch-2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GPtrArray *evidence = nhs_event_get_evidence (event (ds, cases[i].event));

      g_assert_true (cites_source (evidence, cases[i].source));
      for (guint e = 0; e < evidence->len; e++)
        {
          NhsEvidence *ev = g_ptr_array_index (evidence, e);
          if (nhs_evidence_get_article (ev) != NULL)
            g_assert_nonnull (nhs_evidence_get_note (ev));
        }
    }
}

/* Totals to the present, worked out by hand from the strike lists of the
 * reference (BMA, NHS England and news sources per walkout; see
 * docs/dataset.md): residents 3+4+3+5+4+3+3+3+6+5+5 (2023-24) + 5+5+5 (2025)
 * in 14 rounds; consultants 2+2+2+3 in 4 rounds; SAS doctors never struck.
 * No 2026 strike is confirmed, so the residents' last walkout is still the
 * one that ended at 07:00 on 22 Dec 2025 (BMA The Doctor, 17 Dec 2025). */
static void
test_strike_totals_to_present (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  g_autoptr(GArray) totals = nhs_stats_strike_totals (ds, NULL);
  NhsGroup *resident = nhs_dataset_lookup_group (ds, "resident");
  NhsEvent *last = NULL;

  g_assert_cmpuint (test_totals_for (totals, "resident")->rounds, ==, 14);
  g_assert_cmpuint (test_totals_for (totals, "resident")->strike_days, ==, 59);
  g_assert_cmpuint (test_totals_for (totals, "consultant")->rounds, ==, 4);
  g_assert_cmpuint (test_totals_for (totals, "consultant")->strike_days, ==, 9);
  g_assert_cmpuint (test_totals_for (totals, "sas")->rounds, ==, 0);
  g_assert_cmpuint (test_totals_for (totals, "sas")->strike_days, ==, 0);

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *e = nhs_dataset_get_event (ds, i);
      if (nhs_event_get_kind (e) == NHS_EVENT_KIND_STRIKE && nhs_event_has_group (e, resident) &&
          (last == NULL || nhs_event_get_end_us (e) > nhs_event_get_end_us (last)))
        last = e;
    }
  g_assert_cmpstr (nhs_event_get_id (last), ==, "rd-2025-12");
  assert_local (nhs_event_get_end (last), 2025, 12, 22, 7, 0);
}

/* How far the data go is derived from the events; `updated` is when the file
 * was last checked, which is no earlier than its last event. */
static void
test_coverage (void)
{
  g_autoptr(NhsDataset) ds = load_bundled ();
  GDateTime *updated = nhs_dataset_get_updated (ds);
  NhsEvent *latest = NULL;

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *e = nhs_dataset_get_event (ds, i);
      if (latest == NULL || nhs_event_get_start_us (e) > nhs_event_get_start_us (latest))
        latest = e;
    }
  g_assert_cmpstr (nhs_event_get_id (latest), ==, "mandate-rd-2026-02");
  assert_local (updated, 2026, 12, 5, 0, 0);
  g_assert_cmpint (g_date_time_to_unix (updated) * G_USEC_PER_SEC, >=, nhs_event_get_start_us (latest));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/facts/sas-ballot-and-mandate", test_sas_ballot_and_mandate);
  g_test_add_func ("/facts/offer-and-award-dates", test_offer_and_award_dates);
  g_test_add_func ("/facts/sas-first-offer", test_sas_first_offer);
  g_test_add_func ("/facts/resident-2025-additions", test_resident_2025_additions);
  g_test_add_func ("/facts/resident-reballot-2026", test_resident_reballot_2026);
  g_test_add_func ("/facts/figures-and-citations", test_figures_and_citations);
  g_test_add_func ("/facts/partial-quotes-backed", test_partial_quotes_backed);
  g_test_add_func ("/facts/strike-totals-to-present", test_strike_totals_to_present);
  g_test_add_func ("/facts/coverage", test_coverage);

  return g_test_run ();
}
