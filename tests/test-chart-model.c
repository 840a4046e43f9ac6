/* test-chart-model.c: what the chart model computes from a dataset and a filter
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nhs-chart-model.h"
#include "test-chart-util.h"

static const NhsChartLane *
lane_of (NhsChartModel *model,
         const char    *id)
{
  for (guint l = 0; l < nhs_chart_model_get_n_lanes (model); l++)
    if (g_str_equal (nhs_group_get_id (nhs_chart_model_get_lane (model, l)->group), id))
      return nhs_chart_model_get_lane (model, l);
  g_assert_not_reached ();
  return NULL;
}

/* "2024-01:6 2024-02:5" */
static char *
months_text (GArray *months)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < months->len; i++)
    {
      NhsChartMonth *m = &g_array_index (months, NhsChartMonth, i);
      g_string_append_printf (s, "%s%04d-%02d:%u", i ? " " : "", m->year, m->month, m->days);
    }
  return g_string_free (s, FALSE);
}

static char *
bar_ids (const NhsChartLane *lane)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < lane->bars->len; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "",
                            nhs_event_get_id (g_array_index (lane->bars, NhsChartBar, i).event));
  return g_string_free (s, FALSE);
}

static void
test_strike_days_per_month (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (ds, NULL);
  g_autofree char *resident = months_text (lane_of (model, "resident")->months);
  g_autofree char *consultant = months_text (lane_of (model, "consultant")->months);
  GArray *stacks = nhs_chart_model_get_month_stacks (model);
  const NhsChartMonth *march;

  /* the walkout from 07:00 30 March to 07:00 2 April (across the clocks
   * going forward) has two days in March and one in April */
  g_assert_cmpstr (resident, ==, "2024-01:6 2024-02:5 2024-03:2 2024-04:1 2024-05:2");
  /* the overlapping consultant strikes of 20–22 and 21–23 January merge:
   * three days, not four */
  g_assert_cmpstr (consultant, ==, "2024-01:3 2024-05:2");
  g_assert_cmpuint (lane_of (model, "resident")->strike_days, ==, 16);
  g_assert_cmpuint (lane_of (model, "resident")->rounds, ==, 4);
  g_assert_cmpuint (lane_of (model, "consultant")->strike_days, ==, 5);
  g_assert_cmpuint (lane_of (model, "consultant")->rounds, ==, 2);

  /* the stacked months: both groups together */
  g_assert_cmpuint (stacks->len, ==, 5);
  g_assert_cmpint (g_array_index (stacks, NhsChartMonthStack, 0).month, ==, 1);
  g_assert_cmpuint (g_array_index (stacks, NhsChartMonthStack, 0).total, ==, 9);
  g_assert_cmpuint (g_array_index (stacks, NhsChartMonthStack, 0).days[0], ==, 6);
  g_assert_cmpuint (g_array_index (stacks, NhsChartMonthStack, 0).days[1], ==, 3);
  g_assert_cmpuint (g_array_index (stacks, NhsChartMonthStack, 4).total, ==, 4);
  g_assert_cmpuint (nhs_chart_model_get_max_month_total (model), ==, 9);

  /* months start at local midnight; the cumulative line rises over the
   * walkout's part of the month only */
  march = &g_array_index (lane_of (model, "resident")->months, NhsChartMonth, 2);
  g_assert_cmpint (march->start_us, ==, local_day (2024, 3, 1));
  g_assert_cmpint (march->end_us, ==, local_day (2024, 4, 1));
  g_assert_cmpint (march->first_us, ==, local_day (2024, 3, 30) + 7 * HOUR_US);
  g_assert_cmpint (march->last_us, ==, local_day (2024, 4, 1));
}

static void
test_bars_and_mandates (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (ds, NULL);
  const NhsChartLane *resident = lane_of (model, "resident");
  const NhsChartLane *consultant = lane_of (model, "consultant");
  g_autofree char *rbars = bar_ids (resident);
  g_autofree char *cbars = bar_ids (consultant);
  const NhsChartBar *joint = &g_array_index (consultant->bars, NhsChartBar, 2);

  /* every strike, announced ones too; a joint walkout in both lanes */
  g_assert_cmpstr (rbars, ==, "rd-jan rd-feb rd-mar joint-may rd-jul");
  g_assert_cmpstr (cbars, ==, "cons-a cons-b joint-may");
  g_assert_cmpuint (joint->n_groups, ==, 2);
  g_assert_cmpuint (joint->days, ==, 2);
  g_assert_cmpint (g_array_index (resident->bars, NhsChartBar, 4).status, ==, NHS_EVENT_STATUS_ANNOUNCED);

  /* the ballot tagged "mandate", to the end of its last day */
  g_assert_cmpuint (resident->mandates->len, ==, 1);
  g_assert_cmpuint (consultant->mandates->len, ==, 0);
  g_assert_cmpint (g_array_index (resident->mandates, NhsChartSpan, 0).start_us, ==, local_day (2023, 11, 1));
  g_assert_cmpint (g_array_index (resident->mandates, NhsChartSpan, 0).end_us, ==, local_day (2024, 5, 1));
}

static void
test_pay_series (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (ds, NULL);
  GArray *steps = nhs_chart_model_get_steps (model);
  GArray *points = nhs_chart_model_get_pay_points (model);
  NhsChartStep *s;

  /* by lane then pay year; the average award where there are several (what
   * a flat rise plus cash was worth), the two-year figure left out */
  g_assert_cmpuint (steps->len, ==, 3);
  s = &g_array_index (steps, NhsChartStep, 0);
  g_assert_cmpstr (nhs_figure_get_id (s->figure), ==, "award-2023-rd-average");
  g_assert_cmpfloat (s->value, ==, 8.8);
  g_assert_cmpint (s->announced_us, ==, local_day (2023, 7, 13));
  g_assert_cmpint (s->pay_year, ==, 2023);
  g_assert_cmpint (s->start_us, ==, local_day (2023, 4, 1));
  g_assert_cmpint (s->end_us, ==, local_day (2024, 4, 1));
  s = &g_array_index (steps, NhsChartStep, 1);
  g_assert_cmpstr (nhs_figure_get_id (s->figure), ==, "award-2024-rd");
  g_assert_cmpfloat (s->value, ==, 5.5);
  g_assert_cmpint (s->start_us, ==, local_day (2024, 4, 1));
  s = &g_array_index (steps, NhsChartStep, 2);
  g_assert_cmpstr (nhs_figure_get_id (s->figure), ==, "award-2023-cons");
  g_assert_cmpint (s->lane, ==, 1);

  /* offers and claims as points in date order, each with its claimant;
   * the cost in pounds is not a pay figure */
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_cmpstr (nhs_figure_get_id (g_array_index (points, NhsChartPayPoint, 0).figure), ==, "claim-rd");
  g_assert_cmpint (g_array_index (points, NhsChartPayPoint, 0).metric, ==, NHS_FIGURE_METRIC_PAY_CLAIM);
  g_assert_cmpstr (nhs_figure_get_claimant (g_array_index (points, NhsChartPayPoint, 0).figure), ==, "BMA");
  g_assert_cmpfloat (g_array_index (points, NhsChartPayPoint, 0).value, ==, 35.0);
  g_assert_cmpstr (nhs_figure_get_id (g_array_index (points, NhsChartPayPoint, 1).figure), ==, "offer-rd-3");
  g_assert_cmpint (g_array_index (points, NhsChartPayPoint, 1).metric, ==, NHS_FIGURE_METRIC_PAY_OFFER);
  /* the awards' scale: the average award, not the claim far above it */
  g_assert_cmpfloat (nhs_chart_model_get_max_award (model), ==, 8.8);
}

/* A search keeps the pay figures of the events it keeps; the rest, and
 * figures of no event (the claim), are left out and counted */
static void
test_pay_follows_search (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(NhsChartModel) none = NULL;
  g_autoptr(NhsChartModel) all = nhs_chart_model_new (ds, NULL);

  nhs_event_filter_set_search (filter, "no event has these words xyzzy");
  none = nhs_chart_model_new (ds, filter);
  g_assert_cmpuint (nhs_chart_model_get_steps (none)->len, ==, 0);
  g_assert_cmpuint (nhs_chart_model_get_pay_points (none)->len, ==, 0);
  /* the fixture's seven pay figures: five awards, an offer, a claim */
  g_assert_cmpuint (nhs_chart_model_get_n_pay_left_out (none), ==, 7);
  g_assert_cmpuint (nhs_chart_model_get_steps (all)->len, >, 0);
  g_assert_cmpuint (nhs_chart_model_get_n_pay_left_out (all), ==, 0);
}

static void
test_markers_and_navigation (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (ds, NULL);
  GArray *markers = nhs_chart_model_get_markers (model);
  g_autoptr(GString) kinds = g_string_new (NULL);
  g_autoptr(GString) nav = g_string_new (NULL);

  for (guint i = 0; i < markers->len; i++)
    g_string_append_printf (kinds, "%s%s", i ? " " : "",
                            nhs_event_kind_to_label (g_array_index (markers, NhsChartMarker, i).kind));
  /* in time order */
  g_assert_cmpstr (kinds->str, ==, "Ballot Talks Offer Vote Deal");
  /* the deal is the consultants': its marker takes their colour */
  g_assert_cmpint (g_array_index (markers, NhsChartMarker, 4).lane, ==, 1);

  /* what Left and Right step through: everything drawn, in dataset order;
   * the pay award through its figure's step, the statement not at all */
  for (guint i = 0; i < nhs_chart_model_get_n_navigable (model); i++)
    g_string_append_printf (nav, "%s%s", i ? " " : "", nhs_event_get_id (nhs_chart_model_get_navigable (model, i)));
  g_assert_cmpstr (nav->str, ==,
                   "ballot-rd talks-rd rd-jan cons-a cons-b offer-rd rd-feb rd-mar vote-rd joint-may deal-cons rd-jul award-2024");
  g_assert_cmpint (nhs_chart_model_find_navigable (model, nhs_dataset_lookup_event (ds, "rd-feb")), ==, 6);
  g_assert_cmpint (nhs_chart_model_find_navigable (model, nhs_dataset_lookup_event (ds, "statement")), ==, -1);
}

static void
test_extent_and_summary (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (ds, NULL);
  g_autofree char *summary = nhs_chart_model_dup_summary (model);
  const char * const *publishers = nhs_chart_model_get_publishers (model);
  gint64 from, to;

  /* whole months from the first pay year an award covers (1 April 2023:
   * "Show Everything" shows all the data) to the announced strike */
  nhs_chart_model_get_extent (model, &from, &to);
  g_assert_cmpint (from, ==, local_day (2023, 4, 1));
  g_assert_cmpint (to, ==, local_day (2024, 8, 1));

  g_assert_cmpstr (summary, ==,
                   "Strike days by group, January 2024 to July 2024: "
                   "Residents 16 days in 4 walkouts; Consultants 5 days in 2 walkouts");
  /* the most cited first */
  g_assert_cmpstr (publishers[0], ==, "BMA");
  g_assert_cmpstr (publishers[1], ==, "Department of Health and Social Care");
  g_assert_null (publishers[2]);
  g_assert_null (nhs_chart_model_get_filter_description (model));
}

static void
test_filter (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(NhsChartModel) model = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2024, 2, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2024, 4, 30, 0, 0, 0);
  g_autofree char *summary = NULL;
  g_autofree char *resident = NULL;
  gint64 efrom, eto;

  nhs_event_filter_set_group_enabled (filter, "consultant", FALSE);
  nhs_event_filter_set_range (filter, from, to);
  model = nhs_chart_model_new (ds, filter);

  g_assert_false (lane_of (model, "consultant")->visible);
  g_assert_cmpuint (lane_of (model, "consultant")->bars->len, ==, 0);
  g_assert_cmpuint (nhs_chart_model_get_n_visible_lanes (model), ==, 1);
  resident = months_text (lane_of (model, "resident")->months);
  g_assert_cmpstr (resident, ==, "2024-02:5 2024-03:2 2024-04:1");

  /* figures follow the groups and the dates: the consultants' award and
   * the claim of September 2023 are gone */
  g_assert_cmpuint (nhs_chart_model_get_pay_points (model)->len, ==, 1);
  g_assert_cmpuint (nhs_chart_model_get_steps (model)->len, ==, 0);

  /* the filter's days are the extent, to the end of the last */
  nhs_chart_model_get_extent (model, &efrom, &eto);
  g_assert_cmpint (efrom, ==, local_day (2024, 2, 1));
  g_assert_cmpint (eto, ==, local_day (2024, 5, 1));

  summary = nhs_chart_model_dup_summary (model);
  g_assert_cmpstr (summary, ==, "Strike days by group, February 2024 to April 2024: Residents 8 days in 2 walkouts");
  g_assert_nonnull (nhs_chart_model_get_filter_description (model));
}

static void
test_empty (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(NhsChartModel) model = NULL;
  g_autofree char *summary = NULL;
  gint64 from, to;

  nhs_event_filter_set_search (filter, "no such words anywhere");
  model = nhs_chart_model_new (ds, filter);
  summary = nhs_chart_model_dup_summary (model);
  g_assert_cmpstr (summary, ==, "Strike days by group: no walkouts match the filter");
  g_assert_cmpuint (nhs_chart_model_get_n_navigable (model), ==, 0);
  g_assert_cmpuint (nhs_chart_model_get_month_stacks (model)->len, ==, 0);
  nhs_chart_model_get_extent (model, &from, &to);
  g_assert_cmpint (to, >, from);
}

static void
test_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bundled (&error);
  g_autoptr(NhsChartModel) model = NULL;
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  model = nhs_chart_model_new (ds, NULL);
  summary = nhs_chart_model_dup_summary (model);
  /* the totals --summary prints, over the months the strikes span */
  g_assert_true (g_str_has_prefix (summary, "Strike days by group, March 2023 to December 2025: Residents 59 days in 14 walkouts; Consultants 9 days in 4 walkouts"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-model/strike-days-per-month", test_strike_days_per_month);
  g_test_add_func ("/chart-model/bars-and-mandates", test_bars_and_mandates);
  g_test_add_func ("/chart-model/pay-series", test_pay_series);
  g_test_add_func ("/chart-model/pay-follows-search", test_pay_follows_search);
  g_test_add_func ("/chart-model/markers-and-navigation", test_markers_and_navigation);
  g_test_add_func ("/chart-model/extent-and-summary", test_extent_and_summary);
  g_test_add_func ("/chart-model/filter", test_filter);
  g_test_add_func ("/chart-model/empty", test_empty);
  g_test_add_func ("/chart-model/bundled", test_bundled);

  return g_test_run ();
}
