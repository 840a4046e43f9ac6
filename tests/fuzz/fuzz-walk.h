/* fuzz-walk.h: walks a dataset the way the window does, checking its
 * invariants (shared by the loader and cache targets)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "fuzz-common.h"
#include "nhs-dataset-loader.h"
#include "nhs-stats.h"

static void
walk_dataset (NhsDataset *ds)
{
  GListModel *groups = nhs_dataset_get_groups (ds);
  GListModel *articles = nhs_dataset_get_articles (ds);
  GListModel *figures = nhs_dataset_get_figures (ds);
  guint n_events = nhs_dataset_get_n_events (ds);
  gint64 min_us, max_us;

  fuzz_assert (g_list_model_get_n_items (groups) >= 1);
  fuzz_assert (g_utf8_validate (nhs_dataset_get_title (ds), -1, NULL));

  for (guint i = 0; i < n_events; i++)
    {
      NhsEvent *event = nhs_dataset_get_event (ds, i);
      g_autofree char *label = nhs_event_dup_groups_label (event);

      fuzz_assert (nhs_event_get_index (event) == i);
      fuzz_assert (nhs_event_get_groups (event)->len >= 1);
      fuzz_assert (nhs_event_get_end_us (event) >= nhs_event_get_start_us (event));
      fuzz_assert (nhs_dataset_lookup_event (ds, nhs_event_get_id (event)) == event);
      fuzz_assert (nhs_event_get_search_text (event) != NULL);
      /* every text is text: json-glib once let bytes through that are not */
      fuzz_assert (g_utf8_validate (label, -1, NULL));
      fuzz_assert (g_utf8_validate (nhs_event_get_title (event), -1, NULL));
      fuzz_assert (nhs_event_get_summary (event) == NULL || g_utf8_validate (nhs_event_get_summary (event), -1, NULL));
      fuzz_assert (nhs_event_get_outcome (event) == NULL || g_utf8_validate (nhs_event_get_outcome (event), -1, NULL));
      if (i > 0)
        fuzz_assert (nhs_event_get_start_us (nhs_dataset_get_event (ds, i - 1)) <= nhs_event_get_start_us (event));
      for (guint e = 0; e < nhs_event_get_evidence (event)->len; e++)
        {
          NhsEvidence *ev = g_ptr_array_index (nhs_event_get_evidence (event), e);
          NhsArticle *article = nhs_evidence_get_article (ev);

          fuzz_assert (nhs_evidence_get_owner (ev) == G_OBJECT (event));
          if (article != NULL)
            {
              /* the quote's character range lies in the body and spells it */
              const char *body = nhs_article_get_body (article);
              glong body_chars = g_utf8_strlen (body, -1);
              int start = nhs_evidence_get_quote_start (ev);
              int end = nhs_evidence_get_quote_end (ev);
              g_autofree char *quoted = NULL;

              fuzz_assert (0 <= start && start < end && end <= body_chars);
              quoted = g_utf8_substring (body, start, end);
              fuzz_assert (strcmp (quoted, nhs_evidence_get_quote (ev)) == 0);
            }
        }
    }

  if (nhs_dataset_get_time_bounds (ds, &min_us, &max_us))
    fuzz_assert (n_events > 0 && min_us <= max_us);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(NhsArticle) article = g_list_model_get_item (articles, i);
      GPtrArray *quotes = nhs_dataset_get_article_quotes (ds, article);

      fuzz_assert (g_utf8_validate (nhs_article_get_body (article), -1, NULL));

      (void) nhs_dataset_get_citations (ds, article);
      for (guint q = 1; q < quotes->len; q++)
        fuzz_assert (nhs_evidence_get_quote_start (g_ptr_array_index (quotes, q - 1)) <=
                     nhs_evidence_get_quote_start (g_ptr_array_index (quotes, q)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(NhsFigure) figure = g_list_model_get_item (figures, i);
      g_autofree char *value = nhs_figure_format_value (figure);

      fuzz_assert (value != NULL && g_utf8_validate (value, -1, NULL));
    }

  {
    g_autoptr(GArray) totals = nhs_stats_strike_totals (ds, NULL);

    fuzz_assert (totals->len == g_list_model_get_n_items (groups));
  }
  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, g);
      g_autoptr(GArray) months = nhs_stats_strike_days_by_month (ds, NULL, group);

      (void) months;
    }
}
