/* test-stats.c: strike days as dataset-format.md defines them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nhs-stats.h"
#include "test-util.h"

static guint
days_of (NhsDataset *ds, const char *id)
{
  NhsEvent *event = nhs_dataset_lookup_event (ds, id);

  g_assert_nonnull (event);
  return nhs_event_get_strike_days (event);
}

static void
test_event_days (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");

  /* 07:00 3 Jan to 07:00 9 Jan 2024 */
  g_assert_cmpuint (days_of (ds, "rd-2024-01"), ==, 6);
  /* 07:00 24 Feb to 23:59 28 Feb 2024: 4 days 16:59 → 5 */
  g_assert_cmpuint (days_of (ds, "rd-2024-02"), ==, 5);
  /* joint walkout 07:00 2 Oct to 07:00 5 Oct 2023 */
  g_assert_cmpuint (days_of (ds, "joint-2023-10"), ==, 3);
  /* 07:00 26 Oct to 07:00 27 Oct 2024 spans the clocks going back: 25 real
   * hours would make 2 days, the wall clock says 24 hours, 1 day */
  g_assert_cmpuint (days_of (ds, "sas-dst"), ==, 1);
  /* date-only: 1 May to end of 2 May */
  g_assert_cmpuint (days_of (ds, "sas-off"), ==, 2);
  /* not a strike */
  g_assert_cmpuint (days_of (ds, "ballot-rd"), ==, 0);
}

static void
test_wall_clock_rule (void)
{
  /* exactly 24 h is one day, a minute more is two, nothing is one */
  g_assert_cmpuint (nhs_strike_days_for_wall (0, 1440), ==, 1);
  g_assert_cmpuint (nhs_strike_days_for_wall (0, 1441), ==, 2);
  g_assert_cmpuint (nhs_strike_days_for_wall (100, 100), ==, 1);
  g_assert_cmpuint (nhs_strike_days_for_wall (0, 6 * 1440), ==, 6);
}

static void
test_totals (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(GArray) totals = nhs_stats_strike_totals (ds, NULL);
  NhsGroupStrikeTotals *t;

  g_assert_cmpuint (totals->len, ==, 3);

  /* residents: Jan 6 + Feb 5 + the joint walkout 3 */
  t = test_totals_for (totals, "resident");
  g_assert_cmpuint (t->rounds, ==, 3);
  g_assert_cmpuint (t->strike_days, ==, 14);

  /* consultants: two overlapping strikes 20–22 and 21–23 Jul merge into
   * 07:00 20 Jul to 07:00 23 Jul (3 days, one round, not 2 + 2), plus the
   * joint walkout (3) */
  t = test_totals_for (totals, "consultant");
  g_assert_cmpuint (t->events, ==, 3);
  g_assert_cmpuint (t->rounds, ==, 2);
  g_assert_cmpuint (t->strike_days, ==, 6);

  /* SAS: the called-off strike does not count */
  t = test_totals_for (totals, "sas");
  g_assert_cmpuint (t->rounds, ==, 1);
  g_assert_cmpuint (t->strike_days, ==, 1);
}

static void
test_totals_filtered (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(GDateTime) from = g_date_time_new (nhs_dataset_get_timezone (ds), 2024, 1, 1, 0, 0, 0);
  g_autoptr(GArray) totals = NULL;

  nhs_event_filter_set_range (filter, from, NULL);
  totals = nhs_stats_strike_totals (ds, filter);
  g_assert_cmpuint (test_totals_for (totals, "resident")->strike_days, ==, 11);
  g_assert_cmpuint (test_totals_for (totals, "consultant")->strike_days, ==, 0);
}

static void
test_by_month (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(GArray) months = NULL;
  NhsMonthDays *m;

  months = nhs_stats_strike_days_by_month (ds, NULL, nhs_dataset_lookup_group (ds, "resident"));
  g_assert_cmpuint (months->len, ==, 3);
  m = &g_array_index (months, NhsMonthDays, 0);
  g_assert_cmpint (m->year, ==, 2023); g_assert_cmpint (m->month, ==, 10); g_assert_cmpuint (m->days, ==, 3);
  m = &g_array_index (months, NhsMonthDays, 1);
  g_assert_cmpint (m->year, ==, 2024); g_assert_cmpint (m->month, ==, 1); g_assert_cmpuint (m->days, ==, 6);
  m = &g_array_index (months, NhsMonthDays, 2);
  g_assert_cmpint (m->year, ==, 2024); g_assert_cmpint (m->month, ==, 2); g_assert_cmpuint (m->days, ==, 5);
  g_array_unref (g_steal_pointer (&months));

  /* the SAS strike across the clock change: one day, in October 2024 */
  months = nhs_stats_strike_days_by_month (ds, NULL, nhs_dataset_lookup_group (ds, "sas"));
  g_assert_cmpuint (months->len, ==, 1);
  m = &g_array_index (months, NhsMonthDays, 0);
  g_assert_cmpint (m->year, ==, 2024); g_assert_cmpint (m->month, ==, 10); g_assert_cmpuint (m->days, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/event-days", test_event_days);
  g_test_add_func ("/stats/wall-clock-rule", test_wall_clock_rule);
  g_test_add_func ("/stats/totals", test_totals);
  g_test_add_func ("/stats/totals-filtered", test_totals_filtered);
  g_test_add_func ("/stats/by-month", test_by_month);

  return g_test_run ();
}
