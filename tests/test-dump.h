/* test-dump.h: everything a dataset holds, as text, for comparing two loads
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two ways of loading the same file (json-glib or the loader's own reader,
 * a parse or the cache) must give the same objects: every getter's value is
 * written out here, so a test compares two strings and a failure shows the
 * first difference.
 */
#pragma once

#include "nhs-dataset.h"

static inline void
dump_str (GString *s, const char *key, const char *value)
{
  g_string_append_printf (s, " %s=%s", key, value ? value : "(null)");
}

static inline void
dump_dt (GString *s, const char *key, GDateTime *dt)
{
  g_autofree char *iso = NULL;

  if (dt == NULL)
    {
      g_string_append_printf (s, " %s=(null)", key);
      return;
    }
  iso = g_date_time_format_iso8601 (dt);
  g_string_append_printf (s, " %s=%s/%" G_GINT64_FORMAT ".%06d/%s/%s/%" G_GINT64_FORMAT, key, iso,
                          g_date_time_to_unix (dt), g_date_time_get_microsecond (dt),
                          g_time_zone_get_identifier (g_date_time_get_timezone (dt)),
                          g_date_time_get_timezone_abbreviation (dt),
                          (gint64) g_date_time_get_utc_offset (dt));
}

static inline void
dump_evidence (GString *s, GPtrArray *evidence)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);

      g_string_append (s, "\n    evidence");
      dump_str (s, "article", nhs_evidence_get_article (ev) ? nhs_article_get_id (nhs_evidence_get_article (ev)) : NULL);
      dump_str (s, "source", nhs_evidence_get_source (ev) ? nhs_source_get_id (nhs_evidence_get_source (ev)) : NULL);
      dump_str (s, "quote", nhs_evidence_get_quote (ev));
      dump_str (s, "note", nhs_evidence_get_note (ev));
      g_string_append_printf (s, " range=%d-%d owner=%s", nhs_evidence_get_quote_start (ev),
                              nhs_evidence_get_quote_end (ev),
                              G_OBJECT_TYPE_NAME (nhs_evidence_get_owner (ev)));
    }
}

static inline char *
test_dump_dataset (NhsDataset *ds)
{
  GString *s = g_string_new (NULL);
  GListModel *model;
  gint64 a = 0, b = 0;

  g_string_append (s, "dataset");
  dump_str (s, "title", nhs_dataset_get_title (ds));
  dump_str (s, "description", nhs_dataset_get_description (ds));
  dump_str (s, "timezone", nhs_dataset_get_timezone_id (ds));
  dump_dt (s, "updated", nhs_dataset_get_updated (ds));
  dump_str (s, "display-name", nhs_dataset_get_display_name (ds));
  g_string_append_printf (s, " bundled=%d bounds=%d", nhs_dataset_is_bundled (ds),
                          nhs_dataset_get_time_bounds (ds, &a, &b));
  g_string_append_printf (s, " %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT, a, b);

  model = nhs_dataset_get_groups (ds);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NhsGroup) g = g_list_model_get_item (model, i);

      g_string_append (s, "\ngroup");
      dump_str (s, "id", nhs_group_get_id (g));
      dump_str (s, "name", nhs_group_get_name (g));
      dump_str (s, "short", nhs_group_get_short_name (g));
      dump_str (s, "color", nhs_group_get_color (g));
      g_string_append_printf (s, " index=%u lookup=%d", nhs_group_get_index (g),
                              nhs_dataset_lookup_group (ds, nhs_group_get_id (g)) == g);
    }

  model = nhs_dataset_get_sources (ds);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NhsSource) src = g_list_model_get_item (model, i);

      g_string_append (s, "\nsource");
      dump_str (s, "id", nhs_source_get_id (src));
      dump_str (s, "title", nhs_source_get_title (src));
      dump_str (s, "publisher", nhs_source_get_publisher (src));
      dump_str (s, "url", nhs_source_get_url (src));
      dump_dt (s, "published", nhs_source_get_published (src));
      g_string_append_printf (s, " kind=%d lookup=%d", nhs_source_get_kind (src),
                              nhs_dataset_lookup_source (ds, nhs_source_get_id (src)) == src);
    }

  model = nhs_dataset_get_articles (ds);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NhsArticle) art = g_list_model_get_item (model, i);
      GPtrArray *citations = nhs_dataset_get_citations (ds, art);
      GPtrArray *quotes = nhs_dataset_get_article_quotes (ds, art);

      g_string_append (s, "\narticle");
      dump_str (s, "id", nhs_article_get_id (art));
      dump_str (s, "title", nhs_article_get_title (art));
      dump_str (s, "publisher", nhs_article_get_publisher (art));
      dump_str (s, "url", nhs_article_get_url (art));
      dump_str (s, "description", nhs_article_get_description (art));
      dump_dt (s, "published", nhs_article_get_published (art));
      g_string_append_printf (s, " index=%u lookup=%d body-hash=%u", nhs_article_get_index (art),
                              nhs_dataset_lookup_article (ds, nhs_article_get_id (art)) == art,
                              g_str_hash (nhs_article_get_body (art)));
      g_string_append (s, "\n  cited-by");
      for (guint c = 0; c < citations->len; c++)
        {
          GObject *owner = g_ptr_array_index (citations, c);
          g_string_append_printf (s, " %s", NHS_IS_EVENT (owner) ? nhs_event_get_id (NHS_EVENT (owner))
                                                                 : nhs_figure_get_id (NHS_FIGURE (owner)));
        }
      g_string_append (s, "\n  quotes");
      for (guint q = 0; q < quotes->len; q++)
        g_string_append_printf (s, " %d", nhs_evidence_get_quote_start (g_ptr_array_index (quotes, q)));
    }

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *ev = nhs_dataset_get_event (ds, i);
      g_autoptr(NhsEvent) item = g_list_model_get_item (nhs_dataset_get_events (ds), i);
      g_autofree char *groups = nhs_event_dup_groups_label (ev);
      g_autofree char *tags = g_strjoinv ("|", (char **) nhs_event_get_tags (ev));

      g_string_append (s, "\nevent");
      dump_str (s, "id", nhs_event_get_id (ev));
      g_string_append_printf (s, " kind=%d status=%d item=%d lookup=%d index=%u", nhs_event_get_kind (ev),
                              nhs_event_get_status (ev), item == ev,
                              nhs_dataset_lookup_event (ds, nhs_event_get_id (ev)) == ev,
                              nhs_event_get_index (ev));
      dump_str (s, "title", nhs_event_get_title (ev));
      dump_str (s, "summary", nhs_event_get_summary (ev));
      dump_str (s, "outcome", nhs_event_get_outcome (ev));
      dump_str (s, "groups", groups);
      dump_str (s, "tags", tags);
      dump_dt (s, "start", nhs_event_get_start (ev));
      dump_dt (s, "end", nhs_event_get_end (ev));
      g_string_append_printf (s, " dates=%d%d us=%" G_GINT64_FORMAT "..%" G_GINT64_FORMAT
                              " wall=%" G_GINT64_FORMAT "..%" G_GINT64_FORMAT " days=%u",
                              nhs_event_get_start_is_date (ev), nhs_event_get_end_is_date (ev),
                              nhs_event_get_start_us (ev), nhs_event_get_end_us (ev),
                              nhs_event_get_start_wall (ev), nhs_event_get_end_wall (ev),
                              nhs_event_get_strike_days (ev));
      dump_str (s, "search", nhs_event_get_search_text (ev));
      dump_evidence (s, nhs_event_get_evidence (ev));
    }

  model = nhs_dataset_get_figures (ds);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NhsFigure) f = g_list_model_get_item (model, i);
      g_autofree char *value = nhs_figure_format_value (f);

      g_string_append (s, "\nfigure");
      dump_str (s, "id", nhs_figure_get_id (f));
      g_string_append_printf (s, " metric=%d unit=%d value=%.17g lookup=%d", nhs_figure_get_metric (f),
                              nhs_figure_get_unit (f), nhs_figure_get_value (f),
                              nhs_dataset_lookup_figure (ds, nhs_figure_get_id (f)) == f);
      dump_str (s, "formatted", value);
      dump_str (s, "group", nhs_figure_get_group (f) ? nhs_group_get_id (nhs_figure_get_group (f)) : NULL);
      dump_str (s, "event", nhs_figure_get_event (f) ? nhs_event_get_id (nhs_figure_get_event (f)) : NULL);
      dump_dt (s, "date", nhs_figure_get_date (f));
      dump_str (s, "period", nhs_figure_get_period (f));
      dump_str (s, "basis", nhs_figure_get_basis (f));
      dump_str (s, "claimant", nhs_figure_get_claimant (f));
      dump_str (s, "label", nhs_figure_get_label (f));
      dump_evidence (s, nhs_figure_get_evidence (f));
    }
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

/* Asserts that two datasets hold the same objects, getter for getter; a
 * failure shows both dumps */
static inline void
test_assert_same_dataset (NhsDataset *a,
                          NhsDataset *b)
{
  g_autofree char *dump_a = test_dump_dataset (a);
  g_autofree char *dump_b = test_dump_dataset (b);

  g_assert_cmpstr (dump_a, ==, dump_b);
}
