/* nhs-stats.c: strike-day statistics
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-stats"

#include "config.h"

#include "nhs-dataset.h"
#include "nhs-event-filter.h"
#include "nhs-stats.h"

typedef struct { gint64 start, end; } Interval;

static inline gint64
floor_div (gint64 a, gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

guint
nhs_strike_days_for_wall (gint64 start_wall,
                          gint64 end_wall)
{
  gint64 minutes = end_wall - start_wall;

  if (minutes <= 0)
    return 1;
  return (guint) MAX (1, (minutes + 1439) / 1440);
}

static int
interval_cmp (gconstpointer a, gconstpointer b)
{
  const Interval *ia = a, *ib = b;
  return (ia->start > ib->start) - (ia->start < ib->start);
}

static void
merge_intervals (GArray *intervals)
{
  guint kept = 0;

  g_array_sort (intervals, interval_cmp);
  for (guint i = 0; i < intervals->len; i++)
    {
      Interval *iv = &g_array_index (intervals, Interval, i);
      Interval *last = kept ? &g_array_index (intervals, Interval, kept - 1) : NULL;

      if (last != NULL && iv->start < last->end)
        last->end = MAX (last->end, iv->end);
      else
        g_array_index (intervals, Interval, kept++) = *iv;
    }
  g_array_set_size (intervals, kept);
}

/* Every group's counted strikes as merged wall-clock intervals, in one pass
 * over the events: one array per group, in dataset order. n_events (may be
 * NULL) gets each group's count of strikes. */
static GPtrArray *
merged_intervals_by_group (NhsDataset     *dataset,
                           NhsEventFilter *filter,
                           guint          *n_events)
{
  guint n_groups = g_list_model_get_n_items (nhs_dataset_get_groups (dataset));
  guint n = nhs_dataset_get_n_events (dataset);
  GPtrArray *merged = g_ptr_array_new_full (n_groups, (GDestroyNotify) g_array_unref);

  for (guint g = 0; g < n_groups; g++)
    g_ptr_array_add (merged, g_array_new (FALSE, FALSE, sizeof (Interval)));

  for (guint i = 0; i < n; i++)
    {
      NhsEvent *event = nhs_dataset_get_event (dataset, i);
      GPtrArray *groups;
      Interval iv;

      if (nhs_event_get_kind (event) != NHS_EVENT_KIND_STRIKE ||
          nhs_event_get_status (event) != NHS_EVENT_STATUS_HAPPENED ||
          (filter != NULL && !nhs_event_filter_match (filter, event)))
        continue;

      iv.start = nhs_event_get_start_wall (event);
      iv.end = MAX (nhs_event_get_end_wall (event), iv.start + 1);
      groups = nhs_event_get_groups (event);
      for (guint g = 0; g < groups->len; g++)
        {
          /* the loader keeps each group of an event once */
          guint index = nhs_group_get_index (g_ptr_array_index (groups, g));

          g_array_append_val (g_ptr_array_index (merged, index), iv);
          if (n_events != NULL)
            n_events[index]++;
        }
    }

  for (guint g = 0; g < n_groups; g++)
    merge_intervals (g_ptr_array_index (merged, g));
  return merged;
}

static guint
merged_days (GArray *merged)
{
  guint days = 0;

  for (guint i = 0; i < merged->len; i++)
    {
      Interval *iv = &g_array_index (merged, Interval, i);
      days += nhs_strike_days_for_wall (iv->start, iv->end);
    }
  return days;
}

/* Each group's totals from its merged intervals */
static GArray *
totals_of (NhsDataset  *dataset,
           GPtrArray   *merged,
           const guint *n_events)
{
  GListModel *groups = nhs_dataset_get_groups (dataset);
  GArray *totals = g_array_sized_new (FALSE, TRUE, sizeof (NhsGroupStrikeTotals), merged->len);

  for (guint g = 0; g < merged->len; g++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, g);
      GArray *intervals = g_ptr_array_index (merged, g);
      NhsGroupStrikeTotals t = {
        .group = group,
        .rounds = intervals->len,
        .strike_days = merged_days (intervals),
        .events = n_events[g],
      };

      g_array_append_val (totals, t);
    }
  return totals;
}

GArray *
nhs_stats_strike_totals (NhsDataset     *dataset,
                         NhsEventFilter *filter)
{
  g_autofree guint *n_events = NULL;
  g_autoptr(GPtrArray) merged = NULL;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);

  n_events = g_new0 (guint, MAX (g_list_model_get_n_items (nhs_dataset_get_groups (dataset)), 1));
  merged = merged_intervals_by_group (dataset, filter, n_events);
  return totals_of (dataset, merged, n_events);
}

/* The months of one group's merged intervals */
static GArray *
months_of (GArray *merged)
{
  GArray *months = g_array_new (FALSE, FALSE, sizeof (NhsMonthDays));

  for (guint i = 0; i < merged->len; i++)
    {
      Interval *iv = &g_array_index (merged, Interval, i);
      guint days = nhs_strike_days_for_wall (iv->start, iv->end);
      /* the days of the slots follow one another: count them a month at a
       * time, not a day at a time (a strike may span centuries) */
      gint64 day = floor_div (iv->start, 1440);

      while (days > 0)
        {
          GDate date;
          NhsMonthDays *last;
          int year, month;
          guint n;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, (guint32) (day + 719163));
          year = g_date_get_year (&date);
          month = g_date_get_month (&date);
          n = MIN (days, (guint) (g_date_get_days_in_month (month, year) - g_date_get_day (&date) + 1));
          last = months->len ? &g_array_index (months, NhsMonthDays, months->len - 1) : NULL;
          if (last != NULL && last->year == year && last->month == month)
            last->days += n;
          else
            {
              NhsMonthDays md = { year, month, n };
              g_array_append_val (months, md);
            }
          day += n;
          days -= n;
        }
    }
  return months;
}

GArray *
nhs_stats_strike_days_by_month (NhsDataset     *dataset,
                                NhsEventFilter *filter,
                                NhsGroup       *group)
{
  g_autoptr(GPtrArray) merged = NULL;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (NHS_IS_GROUP (group), NULL);

  merged = merged_intervals_by_group (dataset, filter, NULL);
  return months_of (g_ptr_array_index (merged, nhs_group_get_index (group)));
}

GPtrArray *
nhs_stats_strike_days_by_month_all (NhsDataset     *dataset,
                                    NhsEventFilter *filter,
                                    GArray        **totals)
{
  g_autoptr(GPtrArray) merged = NULL;
  g_autofree guint *n_events = NULL;
  GPtrArray *months;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);

  n_events = g_new0 (guint, MAX (g_list_model_get_n_items (nhs_dataset_get_groups (dataset)), 1));
  merged = merged_intervals_by_group (dataset, filter, n_events);
  months = g_ptr_array_new_full (merged->len, (GDestroyNotify) g_array_unref);
  for (guint g = 0; g < merged->len; g++)
    g_ptr_array_add (months, months_of (g_ptr_array_index (merged, g)));
  if (totals != NULL)
    *totals = totals_of (dataset, merged, n_events);
  return months;
}
