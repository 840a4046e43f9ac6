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

static gboolean
counts_as_strike (NhsEvent       *event,
                  NhsEventFilter *filter)
{
  return nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE &&
         nhs_event_get_status (event) == NHS_EVENT_STATUS_HAPPENED &&
         (filter == NULL || nhs_event_filter_match (filter, event));
}

static void
append_interval (GArray   *raw,
                 NhsEvent *event)
{
  Interval iv;

  iv.start = nhs_event_get_start_wall (event);
  iv.end = MAX (nhs_event_get_end_wall (event), iv.start + 1);
  g_array_append_val (raw, iv);
}

/* Sorts one group's strike intervals and merges those that overlap */
static GArray *
merge_intervals (GArray *raw)
{
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Interval));

  g_array_sort (raw, interval_cmp);
  for (guint i = 0; i < raw->len; i++)
    {
      Interval *iv = &g_array_index (raw, Interval, i);
      Interval *last = merged->len ? &g_array_index (merged, Interval, merged->len - 1) : NULL;

      if (last != NULL && iv->start < last->end)
        last->end = MAX (last->end, iv->end);
      else
        g_array_append_val (merged, *iv);
    }
  return merged;
}

/* The group's counted strikes as merged wall-clock intervals */
static GArray *
merged_intervals (NhsDataset     *dataset,
                  NhsEventFilter *filter,
                  NhsGroup       *group)
{
  guint n = nhs_dataset_get_n_events (dataset);
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (Interval));

  for (guint i = 0; i < n; i++)
    {
      NhsEvent *event = nhs_dataset_get_event (dataset, i);

      if (nhs_event_has_group (event, group) && counts_as_strike (event, filter))
        append_interval (raw, event);
    }
  return merge_intervals (raw);
}

GArray *
nhs_stats_strike_totals (NhsDataset     *dataset,
                         NhsEventFilter *filter)
{
  GListModel *groups;
  GArray *totals;
  g_autoptr(GPtrArray) raw = NULL;
  guint n_groups, n_events;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);

  groups = nhs_dataset_get_groups (dataset);
  n_groups = g_list_model_get_n_items (groups);
  totals = g_array_sized_new (FALSE, TRUE, sizeof (NhsGroupStrikeTotals), n_groups);

  /* One pass over the events, each strike filed under each of its groups:
   * asking every group about every event is quadratic (minutes for
   * 100,000 groups and a joint walkout of all of them). A group's index
   * is its position in the dataset's list. */
  raw = g_ptr_array_new_full (n_groups, (GDestroyNotify) g_array_unref);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, g);
      NhsGroupStrikeTotals t = { group, 0, 0, 0 };

      g_array_append_val (totals, t);
      g_ptr_array_add (raw, g_array_new (FALSE, FALSE, sizeof (Interval)));
    }

  n_events = nhs_dataset_get_n_events (dataset);
  for (guint i = 0; i < n_events; i++)
    {
      NhsEvent *event = nhs_dataset_get_event (dataset, i);
      GPtrArray *event_groups = nhs_event_get_groups (event);

      if (!counts_as_strike (event, filter))
        continue;
      for (guint k = 0; k < event_groups->len; k++)
        {
          guint g = nhs_group_get_index (g_ptr_array_index (event_groups, k));

          append_interval (g_ptr_array_index (raw, g), event);
          g_array_index (totals, NhsGroupStrikeTotals, g).events++;
        }
    }

  for (guint g = 0; g < n_groups; g++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, g);
      g_autoptr(GArray) merged = merge_intervals (g_ptr_array_index (raw, g));

      t->rounds = merged->len;
      for (guint i = 0; i < merged->len; i++)
        {
          Interval *iv = &g_array_index (merged, Interval, i);
          t->strike_days += nhs_strike_days_for_wall (iv->start, iv->end);
        }
    }
  return totals;
}

GArray *
nhs_stats_strike_days_by_month (NhsDataset     *dataset,
                                NhsEventFilter *filter,
                                NhsGroup       *group)
{
  g_autoptr(GArray) merged = NULL;
  GArray *months;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (NHS_IS_GROUP (group), NULL);

  months = g_array_new (FALSE, FALSE, sizeof (NhsMonthDays));
  merged = merged_intervals (dataset, filter, group);

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
