/* test-util.h: shared helpers for the unit tests
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-dataset-loader.h"
#include "nhs-event-filter.h"
#include "nhs-stats.h"

/* A file of tests/data, whole */
static inline char *
test_read_data (const char *name,
                gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, len, NULL))
    g_error ("cannot read %s", path);
  return text;
}

static inline NhsDataset *
test_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

/* The ids the filter lets through, in dataset order, joined by spaces */
static inline char *
test_matching_ids (NhsDataset     *ds,
                   NhsEventFilter *filter)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (ds, i);
      if (!nhs_event_filter_match (filter, event))
        continue;
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, nhs_event_get_id (event));
    }
  return g_string_free (s, FALSE);
}

/* The strike totals of one group, from nhs_stats_strike_totals() */
static inline NhsGroupStrikeTotals *
test_totals_for (GArray     *totals,
                 const char *id)
{
  for (guint i = 0; i < totals->len; i++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, i);
      if (g_strcmp0 (nhs_group_get_id (t->group), id) == 0)
        return t;
    }
  g_assert_not_reached ();
  return NULL;
}
