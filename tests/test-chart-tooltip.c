/* test-chart-tooltip.c: what the chart's tooltip says of each kind of hit
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where each hit is found is test-chart-export's (/chart-export/hits);
 * here each kind of hit is put in words, from the chart fixture.
 */
#include "config.h"

#include "nhs-chart-tooltip.h"
#include "test-util.h"

typedef struct
{
  NhsDataset    *dataset;
  NhsChartModel *model;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dataset = test_load_fixture ("chart.json");
  f->model = nhs_chart_model_new (f->dataset, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->model);
  g_clear_object (&f->dataset);
}

static char *
event_text (Fixture         *f,
            NhsChartHitKind  kind,
            const char      *id)
{
  NhsChartHit hit = { kind, 0, 0, nhs_dataset_lookup_event (f->dataset, id) };

  g_assert_nonnull (hit.event);
  return nhs_chart_dup_hit_text (f->model, &hit);
}

/* The hit on the step or the pay point that plots the figure id */
static char *
figure_text (Fixture    *f,
             const char *id)
{
  GArray *steps = nhs_chart_model_get_steps (f->model);
  GArray *points = nhs_chart_model_get_pay_points (f->model);

  for (guint i = 0; i < steps->len; i++)
    if (g_str_equal (nhs_figure_get_id (g_array_index (steps, NhsChartStep, i).figure), id))
      {
        NhsChartHit hit = { NHS_CHART_HIT_STEP, g_array_index (steps, NhsChartStep, i).lane, i, NULL };
        return nhs_chart_dup_hit_text (f->model, &hit);
      }
  for (guint i = 0; i < points->len; i++)
    if (g_str_equal (nhs_figure_get_id (g_array_index (points, NhsChartPayPoint, i).figure), id))
      {
        NhsChartHit hit = { NHS_CHART_HIT_PAY_POINT, g_array_index (points, NhsChartPayPoint, i).lane, i, NULL };
        return nhs_chart_dup_hit_text (f->model, &hit);
      }
  g_assert_not_reached ();
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *bar = event_text (f, NHS_CHART_HIT_BAR, "rd-jan");
  g_autofree char *announced = event_text (f, NHS_CHART_HIT_BAR, "rd-jul");
  g_autofree char *joint = event_text (f, NHS_CHART_HIT_BAR, "joint-may");
  g_autofree char *mandate = event_text (f, NHS_CHART_HIT_MANDATE, "ballot-rd");
  g_autofree char *talks = event_text (f, NHS_CHART_HIT_MARKER, "talks-rd");

  /* what, when and how long, the kind and the groups, the source */
  g_assert_cmpstr (bar, ==, "Six-day walkout\n3–9 January 2024 · 6 strike days\nStrike · Residents\nSource: BMA");
  /* a walkout not yet held says so */
  g_assert_cmpstr (announced, ==,
                   "Announced walkout\n1–3 July 2024 · 2 strike days · Announced\nStrike · Residents\nSource: BMA");
  g_assert_cmpstr (joint, ==,
                   "Joint walkout\n13–15 May 2024 · 2 strike days\nStrike · Residents, Consultants\nSource: BMA");
  /* the shaded mandate, then its ballot with the result */
  g_assert_cmpstr (mandate, ==,
                   "Strike mandate\nResidents vote for strikes\n1 November 2023–30 April 2024\n"
                   "Ballot · Residents\n98% yes\nSource: BMA");
  /* a span within one month, no strike days */
  g_assert_cmpstr (talks, ==, "Talks with the government\n1–20 December 2023\nTalks · Residents\n"
                   "Source: Department of Health and Social Care");
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *offer = figure_text (f, "offer-rd-3");
  g_autofree char *claim = figure_text (f, "claim-rd");
  g_autofree char *award = figure_text (f, "award-2023-rd-average");

  g_assert_cmpstr (offer, ==, "Pay offer: 3% · Residents\n10 February 2024\nClaimant: government\n"
                   "Source: Department of Health and Social Care");
  g_assert_cmpstr (claim, ==, "Pay claim: 35% · Residents\nFull pay restoration\n1 September 2023\n"
                   "Claimant: BMA\nSource: BMA");
  /* the average plotted, then the year's other award figures */
  g_assert_cmpstr (award, ==, "Pay award: 8.8% · Residents\n13 July 2023 · pay year 2023/24\naverage\n"
                   "Claimant: government\nSource: Department of Health and Social Care\n"
                   "Also: 6% (headline percentage)");
}

static void
test_months_and_legend (Fixture       *f,
                        gconstpointer  data)
{
  GArray *stacks = nhs_chart_model_get_month_stacks (f->model);
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(NhsChartModel) hidden = NULL;
  g_autofree char *month = NULL;
  g_autofree char *legend = NULL;
  g_autofree char *legend_hidden = NULL;
  NhsChartHit hit = { NHS_CHART_HIT_MONTH, 0, 0, NULL };

  for (hit.index = 0; hit.index < stacks->len; hit.index++)
    if (g_array_index (stacks, NhsChartMonthStack, hit.index).year == 2024 &&
        g_array_index (stacks, NhsChartMonthStack, hit.index).month == 2)
      break;
  g_assert_cmpuint (hit.index, <, stacks->len);
  month = nhs_chart_dup_hit_text (f->model, &hit);
  g_assert_cmpstr (month, ==, "Residents: 5 strike days in February 2024");

  /* the two overlapping January walkouts are one round, of three days */
  hit = (NhsChartHit) { NHS_CHART_HIT_LEGEND, 1, 0, NULL };
  legend = nhs_chart_dup_hit_text (f->model, &hit);
  g_assert_cmpstr (legend, ==, "Consultants\n5 strike days in 2 walkouts\nClick to hide this group");

  /* a hidden group's entry offers to show it, without totals */
  nhs_event_filter_set_group_enabled (filter, "consultant", FALSE);
  hidden = nhs_chart_model_new (f->dataset, filter);
  legend_hidden = nhs_chart_dup_hit_text (hidden, &hit);
  g_assert_cmpstr (legend_hidden, ==, "Consultants\nClick to show this group");
}

/* Nothing, or a hit a render of another model found: no words */
static void
test_nothing (Fixture       *f,
              gconstpointer  data)
{
  NhsChartHit none = { NHS_CHART_HIT_NONE, -1, 0, NULL };
  NhsChartHit stale_step = { NHS_CHART_HIT_STEP, 0, nhs_chart_model_get_steps (f->model)->len, NULL };
  NhsChartHit stale_lane = { NHS_CHART_HIT_LEGEND, (int) nhs_chart_model_get_n_lanes (f->model), 0, NULL };

  g_assert_null (nhs_chart_dup_hit_text (f->model, &none));
  g_assert_null (nhs_chart_dup_hit_text (f->model, &stale_step));
  g_assert_null (nhs_chart_dup_hit_text (f->model, &stale_lane));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/chart-tooltip/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("events", test_events);
  ADD ("figures", test_figures);
  ADD ("months-and-legend", test_months_and_legend);
  ADD ("nothing", test_nothing);
#undef ADD
  return g_test_run ();
}
