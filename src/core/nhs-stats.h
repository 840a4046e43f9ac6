/* nhs-stats.h: strike-day statistics, as dataset-format.md defines them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-model.h"

G_BEGIN_DECLS

typedef struct
{
  NhsGroup *group;        /* borrowed */
  guint     rounds;       /* walkouts after merging overlaps */
  guint     strike_days;
  guint     events;       /* strike events counted, before merging */
} NhsGroupStrikeTotals;

typedef struct
{
  int   year;
  int   month;            /* 1..12 */
  guint days;
} NhsMonthDays;

/* ceil((end - start) / 1440 minutes), at least 1 */
guint    nhs_strike_days_for_wall      (gint64 start_wall,
                                        gint64 end_wall);

/* For each group of the dataset, in dataset order: the happened strikes that
 * the filter lets through (filter may be NULL), overlaps of one group merged.
 * Returns a GArray of NhsGroupStrikeTotals. */
GArray  *nhs_stats_strike_totals       (NhsDataset     *dataset,
                                        NhsEventFilter *filter);

/* Strike days per calendar month for one group, months in order, only months
 * with days; each strike day counts in the month its 24-hour slot starts in.
 * Returns a GArray of NhsMonthDays. */
GArray  *nhs_stats_strike_days_by_month (NhsDataset     *dataset,
                                         NhsEventFilter *filter,
                                         NhsGroup       *group);

/* Both at once, in one pass over the events: for each group of the dataset,
 * in dataset order, a GArray of NhsMonthDays as nhs_stats_strike_days_by_month
 * gives it; totals (may be NULL) gets what nhs_stats_strike_totals gives. */
GPtrArray *nhs_stats_strike_days_by_month_all (NhsDataset     *dataset,
                                               NhsEventFilter *filter,
                                               GArray        **totals);

G_END_DECLS
