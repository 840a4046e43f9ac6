/* nhs-briefing.c: what a briefing says, and its Markdown and HTML
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One NhsBriefing gathers the content (the events, the key numbers, the
 * references numbered in the order the document cites them), so the PDF,
 * Markdown and HTML say the same thing. Dataset text is never trusted as
 * markup: it is escaped for Markdown and HTML, and set as plain text in the
 * PDF's layouts.
 */
#define G_LOG_DOMAIN "nhs-briefing"

/* nl_langinfo (_NL_PAPER_WIDTH) is a GNU extension */
#define _GNU_SOURCE 1

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "nhs-briefing-private.h"
#include "nhs-chart-model.h"
#include "nhs-event-writer.h"
#include "nhs-export-private.h"
#include "nhs-link.h"
#include "nhs-stats.h"
#include "nhs-time-zone.h"

/* The chart in the HTML and Markdown, in CSS pixels */
#define WEB_CHART_WIDTH 960
#define WEB_CHART_HEIGHT 540

/* Dataset text set inside our own sentences is isolated (first strong
 * isolate … pop directional isolate), so a right-to-left name does not
 * carry the numbers and punctuation around it into its direction */
#define ISOLATE(text) "\u2068", (text), "\u2069"

/* Auxiliary functions */

static void
ref_free (gpointer data)
{
  NhsBriefingRef *ref = data;

  g_free (ref->date);
  g_free (ref);
}

static void
row_clear (gpointer data)
{
  NhsBriefingRow *row = data;

  g_clear_pointer (&row->awards, g_ptr_array_unref);
  g_clear_pointer (&row->claims, g_ptr_array_unref);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
format_when (GDateTime *date,
             gboolean   is_date)
{
  if (is_date)
    return nhs_briefing_format_day (date);
  /* Translators: a day and time, see g_date_time_format(): "20 July 2023, 07:00" */
  return g_date_time_format (date, _("%-d %B %Y, %H:%M"));
}

static char *
format_us_day (NhsDataset *dataset,
               gint64      us)
{
  g_autoptr(GDateTime) local = nhs_time_zone_local (nhs_dataset_get_timezone (dataset), us);

  return nhs_briefing_format_day (local);
}

/* The time range the filter asks for, as the chart export takes it */
static void
filter_range (NhsEventFilter *filter,
              gint64         *from_us,
              gint64         *to_us)
{
  GDateTime *from = filter ? nhs_event_filter_get_from (filter) : NULL;
  GDateTime *to = filter ? nhs_event_filter_get_to (filter) : NULL;

  *from_us = from ? g_date_time_to_unix (from) * G_USEC_PER_SEC : G_MININT64;
  *to_us = G_MAXINT64;
  if (to != NULL)
    {
      g_autoptr(GDateTime) end = g_date_time_add_days (to, 1);
      /* 9999-12-31 has no next day */
      *to_us = (end ? g_date_time_to_unix (end) : g_date_time_to_unix (to) + 86400) * G_USEC_PER_SEC;
    }
}

static gboolean
group_shown (NhsEventFilter *filter,
             NhsGroup       *group)
{
  return filter == NULL || nhs_event_filter_get_group_enabled (filter, nhs_group_get_id (group));
}

/* The latest award is the figures of the group's most recent pay-award
 * event (its headline and its average, say), not a later figure that only
 * frames several years' awards together; without such an event, the
 * figures of the latest date. */
static GPtrArray *
latest_award (GListModel *figures,
              NhsGroup   *group,
              gint64      from_us,
              gint64      to_us)
{
  GPtrArray *awards = g_ptr_array_new ();
  NhsEvent *best_event = NULL;
  GDateTime *best_date = NULL;
  guint n = g_list_model_get_n_items (figures);

  for (int pass = 0; pass < 2 && awards->len == 0; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(NhsFigure) figure = g_list_model_get_item (figures, i);
        NhsEvent *event = nhs_figure_get_event (figure);
        GDateTime *date = nhs_figure_get_date (figure);
        gint64 us;
        gboolean award_event = event != NULL && nhs_event_get_kind (event) == NHS_EVENT_KIND_PAY_AWARD;

        if (nhs_figure_get_metric (figure) != NHS_FIGURE_METRIC_PAY_AWARD ||
            nhs_figure_get_group (figure) != group || date == NULL)
          continue;
        us = g_date_time_to_unix (date) * G_USEC_PER_SEC;
        if (us < from_us || us >= to_us)
          continue;
        if (pass == 0 && !award_event)
          continue;

        /* figures are in date order: a later one replaces what came before */
        if (pass == 0 ? event != best_event : (best_date == NULL || !g_date_time_equal (date, best_date)))
          g_ptr_array_set_size (awards, 0);
        best_event = event;
        best_date = date;
        g_ptr_array_add (awards, figure);
      }
  return awards;
}

static GPtrArray *
claims_of (GListModel *figures,
           NhsGroup   *group,
           gint64      from_us,
           gint64      to_us)
{
  GPtrArray *claims = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (figures);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NhsFigure) figure = g_list_model_get_item (figures, i);
      GDateTime *date = nhs_figure_get_date (figure);
      gint64 us = date ? g_date_time_to_unix (date) * G_USEC_PER_SEC : 0;

      if (nhs_figure_get_metric (figure) == NHS_FIGURE_METRIC_PAY_CLAIM &&
          nhs_figure_get_group (figure) == group &&
          (date == NULL || (us >= from_us && us < to_us)))
        g_ptr_array_add (claims, figure);
    }
  return claims;
}

static void
cite_all (NhsBriefing *self,
          GPtrArray   *evidence)
{
  for (guint i = 0; evidence && i < evidence->len; i++)
    nhs_briefing_ref_number (self, g_ptr_array_index (evidence, i));
}

static void
build_rows (NhsBriefing *self)
{
  g_autoptr(GArray) totals = nhs_stats_strike_totals (self->dataset, self->filter);
  GListModel *figures = nhs_dataset_get_figures (self->dataset);
  gint64 from_us, to_us;

  filter_range (self->filter, &from_us, &to_us);
  for (guint i = 0; i < totals->len; i++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, i);
      NhsBriefingRow row = { 0 };

      if (!group_shown (self->filter, t->group))
        continue;
      row.group = t->group;
      row.rounds = t->rounds;
      row.strike_days = t->strike_days;
      row.strikes = t->events;
      row.awards = latest_award (figures, t->group, from_us, to_us);
      row.claims = claims_of (figures, t->group, from_us, to_us);
      g_array_append_val (self->rows, row);
    }
  /* the document cites the key numbers' sources first */
  for (guint i = 0; i < self->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (self->rows, NhsBriefingRow, i);
      for (guint f = 0; f < row->awards->len; f++)
        cite_all (self, nhs_figure_get_evidence (g_ptr_array_index (row->awards, f)));
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (self->rows, NhsBriefingRow, i);
      for (guint f = 0; f < row->claims->len; f++)
        cite_all (self, nhs_figure_get_evidence (g_ptr_array_index (row->claims, f)));
    }
}

/* The filter in the reader's words: the groups by name, the kinds by label */
static char *
dup_filter_text (NhsDataset     *dataset,
                 NhsEventFilter *filter)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) groups = g_string_new (NULL);
  GListModel *all = nhs_dataset_get_groups (dataset);
  guint kinds = nhs_event_filter_get_kinds (filter);
  gboolean some_hidden = FALSE;
  GDateTime *from = nhs_event_filter_get_from (filter);
  GDateTime *to = nhs_event_filter_get_to (filter);
  const char *search = nhs_event_filter_get_search (filter);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (all, i);
      if (!group_shown (filter, group))
        some_hidden = TRUE;
      else
        g_string_append_printf (groups, "%s%s%s%s", groups->len ? ", " : "", ISOLATE (nhs_group_get_name (group)));
    }
  if (some_hidden)
    g_ptr_array_add (parts, groups->len ? g_strdup (groups->str) : g_strdup (_("no group")));
  if (kinds != 0 && kinds != NHS_EVENT_KIND_MASK_ALL)
    {
      g_autoptr(GString) labels = g_string_new (NULL);
      for (int k = 0; k < NHS_EVENT_KIND_N; k++)
        if (kinds & NHS_EVENT_KIND_MASK (k))
          g_string_append_printf (labels, "%s%s", labels->len ? ", " : "", nhs_event_kind_to_label (k));
      /* Translators: the kinds of event shown, "kinds: Strike, Ballot" */
      g_ptr_array_add (parts, g_strdup_printf (_("kinds: %s"), labels->str));
    }
  if (!is_empty (search))
    /* Translators: the words searched for */
    g_ptr_array_add (parts, g_strdup_printf (_("containing “%s%s%s”"), ISOLATE (search)));
  if (from || to)
    {
      g_autofree char *first = from ? nhs_briefing_format_day (from) : NULL;
      g_autofree char *last = to ? nhs_briefing_format_day (to) : NULL;
      if (from && to)
        /* Translators: the days shown, "1 August 2023 to 31 March 2024" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s to %s"), first, last));
      else if (from)
        g_ptr_array_add (parts, g_strdup_printf (_("from %s"), first));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("until %s"), last));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

static void
build_texts (NhsBriefing *self)
{
  GDateTime *updated = nhs_dataset_get_updated (self->dataset);
  g_autofree char *as_of = updated ? nhs_briefing_format_day (updated) : NULL;
  g_autoptr(GDateTime) created_utc = g_date_time_new_from_unix_utc (self->options.created);
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *made = NULL;

  /* Translators: the document's title, "Briefing: NHS doctors' pay dispute in England" */
  self->title = g_strdup_printf (_("Briefing: %s"), nhs_dataset_get_title (self->dataset));

  if (self->events->len > 0)
    {
      gint64 first = G_MAXINT64, last = G_MININT64;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      for (guint i = 0; i < self->events->len; i++)
        {
          NhsEvent *event = g_ptr_array_index (self->events, i);
          first = MIN (first, nhs_event_get_start_us (event));
          last = MAX (last, nhs_event_get_end_us (event));
        }
      from = format_us_day (self->dataset, first);
      /* the end is exclusive */
      to = format_us_day (self->dataset, MAX (first, last - 1));
      if (as_of)
        /* Translators: "Events from 20 July 2023 to 5 April 2024, data as of 23 November 2026." */
        self->coverage = g_strdup_printf (_("Events from %s to %s, data as of %s."), from, to, as_of);
      else
        self->coverage = g_strdup_printf (_("Events from %s to %s."), from, to);
    }
  else if (as_of)
    self->coverage = g_strdup_printf (_("No events match, data as of %s."), as_of);
  else
    self->coverage = g_strdup (_("No events match."));

  if (self->filter != NULL && !nhs_event_filter_is_empty (self->filter))
    {
      g_autofree char *described = dup_filter_text (self->dataset, self->filter);
      /* Translators: what the reader chose to see, "Shown: Consultants; strikes." */
      self->filter_text = g_strdup_printf (_("Shown: %s."), described);
    }

  if (created_utc == NULL)
    created_utc = g_date_time_new_from_unix_utc (0);
  created = g_date_time_to_timezone (created_utc, nhs_dataset_get_timezone (self->dataset));
  made = nhs_briefing_format_day (created);
  /* Translators: "Made on 5 December 2026 with NHS Dispute Explorer 0.1.0 from nhs-dispute.json" */
  self->created = g_strdup_printf (_("Made on %s with %s %s from %s."), made, PACKAGE_NAME, PACKAGE_VERSION,
                                   nhs_dataset_get_display_name (self->dataset));
}

/* Markdown */

static void
md_append (GString    *out,
           const char *text)
{
  g_autofree char *escaped = nhs_markdown_escape (text ? text : "", FALSE);

  g_string_append (out, escaped);
}

/* Text inside a block quote: every line of it starts with "> " */
static void
md_append_quoted (GString    *out,
                  const char *text)
{
  g_autofree char *escaped = nhs_markdown_escape (text, FALSE);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    g_string_append_printf (out, "%s%s", i ? "\n> " : "", lines[i]);
}

static void
md_append_cell (GString    *out,
                const char *text)
{
  g_autofree char *escaped = nhs_markdown_escape (text, TRUE);

  g_string_append_printf (out, " %s |", escaped);
}

/* An address as a Markdown autolink, which takes no escapes: the few
 * characters that would end it are percent-encoded. Anything but a web page
 * stays text. */
static void
md_append_url (GString    *out,
               const char *url)
{
  if (!nhs_link_is_web_page (url))
    {
      md_append (out, url);
      return;
    }
  g_string_append_c (out, '<');
  for (const char *p = url; *p; p++)
    if (strchr ("<> \"`", *p))
      g_string_append_printf (out, "%%%02X", (guchar) *p);
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '>');
}

/* The chart as the web formats show it */
static GBytes *
dup_chart_svg (NhsBriefing *self)
{
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (self->dataset, self->filter);
  NhsChartExportOptions options;

  nhs_briefing_chart_options (self, &options, WEB_CHART_WIDTH, WEB_CHART_HEIGHT);
  return nhs_chart_export_to_bytes (model, &options, NHS_CHART_FORMAT_SVG, NULL);
}

static void
md_append_chart (GString     *out,
                 NhsBriefing *self)
{
  g_autoptr(GBytes) svg = dup_chart_svg (self);
  g_autofree char *base64 = NULL;

  if (svg == NULL)
    return;
  base64 = g_base64_encode (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  /* a data address keeps the file self-contained; the caption says in
   * words what the picture shows, where a viewer blocks such images */
  g_string_append (out, "![");
  md_append (out, self->chart_caption);
  g_string_append_printf (out, "](data:image/svg+xml;base64,%s)\n\n", base64);
  md_append (out, self->chart_caption);
  g_string_append (out, "\n\n");
}

static void
md_append_evidence (GString     *out,
                    NhsBriefing *self,
                    NhsEvidence *evidence)
{
  g_autofree char *citation = nhs_briefing_dup_citation (evidence);
  const char *quote = nhs_evidence_get_quote (evidence);
  const char *note = nhs_evidence_get_note (evidence);
  guint number = nhs_briefing_ref_number (self, evidence);
  /* after a quote, the citation is still in the block quote */
  NhsBriefingAppendFunc append = md_append;

  if (!is_empty (quote))
    {
      g_string_append (out, "> “");
      md_append_quoted (out, quote);
      g_string_append (out, "”\n>\n> — ");
      append = md_append_quoted;
    }
  else
    /* Translators: evidence without a quote: "Source: <title, publisher, date>" */
    g_string_append_printf (out, "%s ", _("Source:"));
  append (out, citation);
  g_string_append_printf (out, " \\[%u\\]", number);
  if (!is_empty (note))
    {
      g_string_append (out, ". ");
      append (out, note);
    }
  g_string_append (out, "\n\n");
}

static GBytes *
write_markdown (NhsBriefing *self)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "# ");
  md_append (out, self->title);
  g_string_append (out, "\n\n");
  md_append (out, self->coverage);
  g_string_append (out, "\n\n");
  if (self->filter_text)
    {
      md_append (out, self->filter_text);
      g_string_append (out, "\n\n");
    }
  g_string_append_printf (out, "*");
  md_append (out, self->created);
  g_string_append (out, "*\n\n");

  g_string_append_printf (out, "## %s\n\n", _("Chart"));
  md_append_chart (out, self);

  g_string_append_printf (out, "## %s\n\n", _("Key numbers"));
  g_string_append_printf (out, "### %s\n\n", _("Strikes"));
  g_string_append_printf (out, "| %s | %s | %s |\n|---|---:|---:|\n", _("Group"), _("Strike rounds"), _("Strike days"));
  for (guint i = 0; i < self->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (self->rows, NhsBriefingRow, i);
      g_string_append (out, "|");
      md_append_cell (out, nhs_group_get_name (row->group));
      g_string_append_printf (out, " %u | %u |\n", row->rounds, row->strike_days);
    }
  g_string_append (out, "\n");
  md_append (out, _("Counted from the strikes listed under Events: a strike day is each 24 hours of a walkout, or part of it; overlapping strikes of one group count once."));
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "### %s\n\n", _("Pay"));
  g_string_append_printf (out, "| %s | %s | %s |\n|---|---|---|\n", _("Group"), _("Latest award"), _("Claims"));
  for (guint i = 0; i < self->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (self->rows, NhsBriefingRow, i);
      g_autofree char *awards = nhs_briefing_dup_figures (self, row->awards, "; ");
      g_autofree char *claims = nhs_briefing_dup_figures (self, row->claims, "; ");

      g_string_append (out, "|");
      md_append_cell (out, nhs_group_get_name (row->group));
      md_append_cell (out, awards);
      md_append_cell (out, claims);
      g_string_append (out, "\n");
    }
  g_string_append (out, "\n");

  g_string_append_printf (out, "## %s\n\n", _("Events"));
  if (self->events->len == 0)
    g_string_append_printf (out, "%s\n\n", _("No events match."));
  for (guint i = 0; i < self->events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (self->events, i);
      GPtrArray *evidence = nhs_event_get_evidence (event);
      g_autofree char *dates = nhs_briefing_dup_event_dates (event);
      g_autofree char *meta = nhs_briefing_dup_event_meta (event);

      g_string_append (out, "### ");
      md_append (out, is_empty (nhs_event_get_title (event)) ? nhs_event_get_id (event) : nhs_event_get_title (event));
      g_string_append (out, "\n\n**");
      md_append (out, dates);
      g_string_append (out, "** · ");
      md_append (out, meta);
      g_string_append (out, "\n\n");
      if (!is_empty (nhs_event_get_summary (event)))
        {
          md_append (out, nhs_event_get_summary (event));
          g_string_append (out, "\n\n");
        }
      if (!is_empty (nhs_event_get_outcome (event)))
        {
          g_string_append_printf (out, "%s ", _("Outcome:"));
          md_append (out, nhs_event_get_outcome (event));
          g_string_append (out, "\n\n");
        }
      for (guint e = 0; e < evidence->len; e++)
        md_append_evidence (out, self, g_ptr_array_index (evidence, e));
    }

  g_string_append_printf (out, "## %s\n\n", _("References"));
  for (guint i = 0; i < self->refs->len; i++)
    {
      NhsBriefingRef *ref = g_ptr_array_index (self->refs, i);

      g_string_append_printf (out, "%u. ", ref->number);
      nhs_briefing_append_ref (out, ref, md_append);
      if (!is_empty (ref->url))
        {
          g_string_append (out, " ");
          md_append_url (out, ref->url);
        }
      g_string_append (out, "\n");
    }
  return g_string_free_to_bytes (out);
}

/* HTML */

static void
html_append (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

/* Text with its line breaks kept */
static void
html_append_lines (GString    *out,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      if (i)
        g_string_append (out, "<br>\n");
      html_append (out, lines[i]);
    }
}

static void
html_append_chart (GString     *out,
                   NhsBriefing *self)
{
  g_autoptr(GBytes) svg = dup_chart_svg (self);
  const char *data, *start;
  gsize len;

  if (svg == NULL)
    return;
  data = g_bytes_get_data (svg, &len);
  /* inline SVG takes no XML declaration; the root gets a role and a name */
  start = g_strstr_len (data, len, "<svg");
  if (start == NULL)
    return;
  g_string_append (out, "<figure>\n<svg role=\"img\" aria-label=\"");
  html_append (out, self->chart_caption);
  g_string_append (out, "\" style=\"max-width:100%;height:auto\"");
  {
    /* HTML takes the root's width and height as plain numbers, not "960px" */
    const char *root_end = memchr (start, '>', len - (start - data));
    g_autofree char *root = g_strndup (start + 4, root_end ? root_end - (start + 4) : 0);
    g_auto(GStrv) parts = g_strsplit (root, "px\"", -1);
    g_autofree char *plain = g_strjoinv ("\"", parts);

    if (root_end == NULL)
      return;
    g_string_append (out, plain);
    g_string_append_len (out, root_end, len - (root_end - data));
  }
  g_string_append (out, "<figcaption>");
  html_append (out, self->chart_caption);
  g_string_append (out, "</figcaption>\n</figure>\n");
}

static void
html_append_ref_link (GString *out,
                      guint    number)
{
  g_string_append_printf (out, " <a href=\"#ref-%u\">[%u]</a>", number, number);
}

static void
html_append_evidence (GString     *out,
                      NhsBriefing *self,
                      NhsEvidence *evidence)
{
  g_autofree char *citation = nhs_briefing_dup_citation (evidence);
  const char *quote = nhs_evidence_get_quote (evidence);
  const char *note = nhs_evidence_get_note (evidence);
  guint number = nhs_briefing_ref_number (self, evidence);

  if (!is_empty (quote))
    {
      g_string_append (out, "<blockquote><p>“");
      html_append_lines (out, quote);
      g_string_append (out, "”</p></blockquote>\n<p class=\"cite\">— ");
    }
  else
    g_string_append_printf (out, "<p class=\"cite\">%s ", _("Source:"));
  html_append (out, citation);
  html_append_ref_link (out, number);
  if (!is_empty (note))
    {
      g_string_append (out, ". ");
      html_append_lines (out, note);
    }
  g_string_append (out, "</p>\n");
}

static const char html_style[] =
  "body{font-family:Georgia,'DejaVu Serif',serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45;color:#222}"
  "h1,h2,h3,.meta,.cite,table,figcaption{font-family:Cantarell,'DejaVu Sans',sans-serif}"
  "h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}"
  "h3{margin-bottom:.2em}.meta,.cite,figcaption{color:#555;font-size:.9em}"
  "blockquote{margin:.5em 0 .2em;padding-left:1em;border-left:3px solid #c64600;font-style:italic}"
  "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}"
  "td.n{text-align:right}figure{margin:1em 0}a{color:#1a5fb4;overflow-wrap:anywhere}";

static GBytes *
write_html (NhsBriefing *self)
{
  GString *out = g_string_new (NULL);

  /* Translators: the language code of this translation, for the HTML briefing */
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", _("en"));
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  html_append (out, self->title);
  g_string_append_printf (out, "</title>\n<meta name=\"generator\" content=\"%s %s\">\n<style>%s</style>\n</head>\n<body>\n",
                          PACKAGE_NAME, PACKAGE_VERSION, html_style);

  g_string_append (out, "<header>\n<h1>");
  html_append (out, self->title);
  g_string_append (out, "</h1>\n<p>");
  html_append (out, self->coverage);
  g_string_append (out, "</p>\n");
  if (self->filter_text)
    {
      g_string_append (out, "<p>");
      html_append (out, self->filter_text);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<p class=\"meta\">");
  html_append (out, self->created);
  g_string_append (out, "</p>\n</header>\n<main>\n");

  g_string_append_printf (out, "<section id=\"chart\">\n<h2>%s</h2>\n", _("Chart"));
  html_append_chart (out, self);
  g_string_append (out, "</section>\n");

  g_string_append_printf (out, "<section id=\"key-numbers\">\n<h2>%s</h2>\n<h3>%s</h3>\n", _("Key numbers"), _("Strikes"));
  g_string_append_printf (out, "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                          _("Group"), _("Strike rounds"), _("Strike days"));
  for (guint i = 0; i < self->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (self->rows, NhsBriefingRow, i);
      g_string_append (out, "<tr><th scope=\"row\">");
      html_append (out, nhs_group_get_name (row->group));
      g_string_append_printf (out, "</th><td class=\"n\">%u</td><td class=\"n\">%u</td></tr>\n", row->rounds, row->strike_days);
    }
  g_string_append (out, "</tbody>\n</table>\n<p class=\"cite\">");
  html_append (out, _("Counted from the strikes listed under Events: a strike day is each 24 hours of a walkout, or part of it; overlapping strikes of one group count once."));
  g_string_append_printf (out, "</p>\n<h3>%s</h3>\n", _("Pay"));
  g_string_append_printf (out, "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                          _("Group"), _("Latest award"), _("Claims"));
  for (guint i = 0; i < self->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (self->rows, NhsBriefingRow, i);
      GPtrArray *cells[] = { row->awards, row->claims };

      g_string_append (out, "<tr><th scope=\"row\">");
      html_append (out, nhs_group_get_name (row->group));
      g_string_append (out, "</th>");
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          g_string_append (out, "<td>");
          if (cells[c]->len == 0)
            html_append (out, C_("figure", "none in the data"));
          for (guint f = 0; f < cells[c]->len; f++)
            {
              NhsFigure *figure = g_ptr_array_index (cells[c], f);
              GPtrArray *evidence = nhs_figure_get_evidence (figure);
              g_autofree char *text = nhs_briefing_dup_figure (figure);

              if (f)
                g_string_append (out, "<br>");
              html_append (out, text);
              for (guint e = 0; evidence && e < evidence->len; e++)
                html_append_ref_link (out, nhs_briefing_ref_number (self, g_ptr_array_index (evidence, e)));
            }
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</section>\n");

  g_string_append_printf (out, "<section id=\"events\">\n<h2>%s</h2>\n", _("Events"));
  if (self->events->len == 0)
    g_string_append_printf (out, "<p>%s</p>\n", _("No events match."));
  for (guint i = 0; i < self->events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (self->events, i);
      GPtrArray *evidence = nhs_event_get_evidence (event);
      g_autofree char *dates = nhs_briefing_dup_event_dates (event);
      g_autofree char *meta = nhs_briefing_dup_event_meta (event);

      g_string_append_printf (out, "<article id=\"event-%u\">\n<h3>", i + 1);
      html_append (out, is_empty (nhs_event_get_title (event)) ? nhs_event_get_id (event) : nhs_event_get_title (event));
      g_string_append (out, "</h3>\n<p class=\"meta\"><strong>");
      html_append (out, dates);
      g_string_append (out, "</strong> · ");
      html_append (out, meta);
      g_string_append (out, "</p>\n");
      if (!is_empty (nhs_event_get_summary (event)))
        {
          g_string_append (out, "<p>");
          html_append_lines (out, nhs_event_get_summary (event));
          g_string_append (out, "</p>\n");
        }
      if (!is_empty (nhs_event_get_outcome (event)))
        {
          g_string_append_printf (out, "<p>%s ", _("Outcome:"));
          html_append_lines (out, nhs_event_get_outcome (event));
          g_string_append (out, "</p>\n");
        }
      for (guint e = 0; e < evidence->len; e++)
        html_append_evidence (out, self, g_ptr_array_index (evidence, e));
      g_string_append (out, "</article>\n");
    }
  g_string_append (out, "</section>\n");

  g_string_append_printf (out, "<section id=\"references\">\n<h2>%s</h2>\n", _("References"));
  if (self->refs->len > 0)
    g_string_append (out, "<ol>\n");
  for (guint i = 0; i < self->refs->len; i++)
    {
      NhsBriefingRef *ref = g_ptr_array_index (self->refs, i);

      g_string_append_printf (out, "<li id=\"ref-%u\">", ref->number);
      nhs_briefing_append_ref (out, ref, html_append);
      if (nhs_link_is_web_page (ref->url))
        {
          /* what a URI may not hold ("<", ">", a quote) is percent-encoded */
          g_autofree char *href = g_uri_escape_string (ref->url, "!#$%&'()*+,-./:;=?@[]_~", TRUE);

          g_string_append (out, " <a href=\"");
          html_append (out, href);
          g_string_append (out, "\">");
          html_append (out, ref->url);
          g_string_append (out, "</a>");
        }
      else if (!is_empty (ref->url))
        {
          g_string_append (out, " ");
          html_append (out, ref->url);
        }
      g_string_append (out, "</li>\n");
    }
  if (self->refs->len > 0)
    g_string_append (out, "</ol>\n");
  g_string_append (out, "</section>\n</main>\n</body>\n</html>\n");
  return g_string_free_to_bytes (out);
}

/* Private API */

void
nhs_briefing_append_ref (GString               *out,
                         const NhsBriefingRef  *ref,
                         NhsBriefingAppendFunc  append)
{
  append (out, ref->title ? ref->title : _("Untitled"));
  if (ref->publisher || ref->date)
    {
      g_string_append (out, ". ");
      if (ref->publisher)
        append (out, ref->publisher);
      if (ref->publisher && ref->date)
        g_string_append (out, ", ");
      if (ref->date)
        append (out, ref->date);
    }
  g_string_append (out, ".");
}

NhsBriefing *
nhs_briefing_new (NhsDataset               *dataset,
                  NhsEventFilter           *filter,
                  const NhsBriefingOptions *options)
{
  NhsBriefing *self = g_new0 (NhsBriefing, 1);
  guint n = nhs_dataset_get_n_events (dataset);

  self->dataset = g_object_ref (dataset);
  self->filter = filter ? g_object_ref (filter) : NULL;
  self->options = *options;
  self->events = g_ptr_array_new ();
  self->rows = g_array_new (FALSE, TRUE, sizeof (NhsBriefingRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->refs = g_ptr_array_new_with_free_func (ref_free);
  self->ref_by_item = g_hash_table_new (NULL, NULL);

  /* the list's own order: by start, as --list-events prints them */
  for (guint i = 0; i < n; i++)
    {
      NhsEvent *event = nhs_dataset_get_event (dataset, i);
      if (filter == NULL || nhs_event_filter_match (filter, event))
        g_ptr_array_add (self->events, event);
    }

  build_rows (self);
  for (guint i = 0; i < self->events->len; i++)
    cite_all (self, nhs_event_get_evidence (g_ptr_array_index (self->events, i)));
  build_texts (self);
  {
    g_autoptr(NhsChartModel) model = nhs_chart_model_new (dataset, filter);
    self->chart_caption = nhs_chart_model_dup_summary (model);
  }
  return self;
}

void
nhs_briefing_free (NhsBriefing *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_ptr_array_unref (self->events);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->refs);
  g_hash_table_unref (self->ref_by_item);
  g_free (self->title);
  g_free (self->coverage);
  g_free (self->filter_text);
  g_free (self->created);
  g_free (self->chart_caption);
  g_free (self);
}

guint
nhs_briefing_ref_number (NhsBriefing *self,
                         NhsEvidence *evidence)
{
  NhsArticle *article = nhs_evidence_get_article (evidence);
  NhsSource *source = nhs_evidence_get_source (evidence);
  GObject *item = article ? G_OBJECT (article) : G_OBJECT (source);
  NhsBriefingRef *ref = g_hash_table_lookup (self->ref_by_item, item);
  GDateTime *date;

  if (ref != NULL)
    return ref->number;

  ref = g_new0 (NhsBriefingRef, 1);
  ref->item = item;
  ref->number = self->refs->len + 1;
  if (article)
    {
      ref->title = nhs_article_get_title (article);
      ref->publisher = nhs_article_get_publisher (article);
      ref->url = nhs_article_get_url (article);
      date = nhs_article_get_published (article);
    }
  else
    {
      ref->title = nhs_source_get_title (source);
      ref->publisher = nhs_source_get_publisher (source);
      ref->url = nhs_source_get_url (source);
      date = nhs_source_get_published (source);
    }
  if (is_empty (ref->title))
    ref->title = NULL;
  if (is_empty (ref->publisher))
    ref->publisher = NULL;
  ref->date = date ? nhs_briefing_format_day (date) : NULL;
  g_ptr_array_add (self->refs, ref);
  g_hash_table_insert (self->ref_by_item, item, ref);
  return ref->number;
}

char *
nhs_briefing_format_day (GDateTime *date)
{
  /* Translators: a day, see g_date_time_format(): "20 July 2023" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

char *
nhs_briefing_dup_event_dates (NhsEvent *event)
{
  GDateTime *end = nhs_event_get_end (event);
  g_autofree char *start = format_when (nhs_event_get_start (event), nhs_event_get_start_is_date (event));
  g_autofree char *last = NULL;

  if (end == NULL)
    return g_steal_pointer (&start);
  last = format_when (end, nhs_event_get_end_is_date (event));
  if (g_str_equal (start, last))
    return g_steal_pointer (&start);
  /* Translators: an event's span, "20 July 2023, 07:00 – 22 July 2023, 07:00" */
  return g_strdup_printf (_("%s – %s"), start, last);
}

char *
nhs_briefing_dup_event_meta (NhsEvent *event)
{
  g_autoptr(GString) s = g_string_new (nhs_event_kind_to_label (nhs_event_get_kind (event)));
  g_autofree char *groups = nhs_event_dup_groups_label (event);
  guint days = nhs_event_get_strike_days (event);

  if (nhs_event_get_status (event) != NHS_EVENT_STATUS_HAPPENED)
    g_string_append_printf (s, " (%s)", nhs_event_status_to_label (nhs_event_get_status (event)));
  g_string_append_printf (s, " · %s%s%s", ISOLATE (groups));
  if (days > 0)
    {
      /* Translators: how long a strike was, "2 strike days" */
      g_autofree char *text = g_strdup_printf (ngettext ("%u strike day", "%u strike days", days), days);
      g_string_append_printf (s, " · %s", text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
nhs_briefing_dup_citation (NhsEvidence *evidence)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  NhsArticle *article;
  NhsSource *source;
  const char *title, *publisher;
  GDateTime *date;

  if (evidence == NULL)
    return NULL;
  article = nhs_evidence_get_article (evidence);
  source = nhs_evidence_get_source (evidence);
  title = article ? nhs_article_get_title (article) : nhs_source_get_title (source);
  publisher = nhs_evidence_get_publisher (evidence);
  date = article ? nhs_article_get_published (article) : nhs_source_get_published (source);

  g_ptr_array_add (parts, g_strconcat (ISOLATE (is_empty (title) ? _("Untitled") : title), NULL));
  if (!is_empty (publisher))
    g_ptr_array_add (parts, g_strconcat (ISOLATE (publisher), NULL));
  if (date)
    g_ptr_array_add (parts, nhs_briefing_format_day (date));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

char *
nhs_briefing_dup_figure (NhsFigure *figure)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *value = nhs_figure_format_value (figure);
  const char *basis = nhs_figure_get_basis (figure);
  const char *period = nhs_figure_get_period (figure);
  const char *claimant = nhs_figure_get_claimant (figure);
  GDateTime *date = nhs_figure_get_date (figure);

  g_string_append (s, value);
  if (!is_empty (basis))
    g_string_append_printf (s, " %s%s%s", ISOLATE (basis));
  if (!is_empty (period))
    g_string_append_printf (s, ", %s%s%s", ISOLATE (period));
  if (nhs_figure_get_metric (figure) == NHS_FIGURE_METRIC_PAY_CLAIM)
    {
      g_autofree char *day = date ? nhs_briefing_format_day (date) : NULL;
      if (!is_empty (claimant))
        g_string_append_printf (s, ", %s%s%s", ISOLATE (claimant));
      if (day)
        g_string_append_printf (s, ", %s", day);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
nhs_briefing_dup_figure_refs (NhsBriefing *self,
                              GPtrArray   *figures)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint f = 0; f < figures->len; f++)
    {
      GPtrArray *evidence = nhs_figure_get_evidence (g_ptr_array_index (figures, f));
      for (guint e = 0; evidence && e < evidence->len; e++)
        {
          guint number = nhs_briefing_ref_number (self, g_ptr_array_index (evidence, e));
          g_string_append_printf (s, "%s%u", s->len ? ", " : "[", number);
        }
    }
  if (s->len == 0)
    return NULL;
  g_string_append_c (s, ']');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
nhs_briefing_dup_figures (NhsBriefing *self,
                          GPtrArray   *figures,
                          const char  *separator)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint f = 0; f < figures->len; f++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autofree char *text = nhs_briefing_dup_figure (g_ptr_array_index (figures, f));
      g_autofree char *refs = NULL;

      g_ptr_array_add (one, g_ptr_array_index (figures, f));
      refs = nhs_briefing_dup_figure_refs (self, one);
      g_string_append_printf (s, "%s%s%s%s", f ? separator : "", text, refs ? " " : "", refs ? refs : "");
    }
  if (s->len == 0)
    /* Translators: a table cell with no figure in the dataset */
    g_string_append (s, C_("figure", "none in the data"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
nhs_briefing_chart_options (NhsBriefing           *self,
                            NhsChartExportOptions *options,
                            int                    width,
                            int                    height)
{
  gint64 from_us, to_us;

  nhs_chart_export_options_init (options);
  options->width = width;
  options->height = height;
  /* the document gives the title and the sources */
  options->show_title = FALSE;
  options->show_source = FALSE;
  filter_range (self->filter, &from_us, &to_us);
  if (from_us != G_MININT64)
    options->from_us = from_us;
  if (to_us != G_MAXINT64)
    options->to_us = to_us;
}

/* Public API */

void
nhs_briefing_options_init (NhsBriefingOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  g_return_if_fail (options != NULL);

  options->paper = NHS_PAPER_AUTO;
  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64 / G_USEC_PER_SEC, &seconds, NULL))
    options->created = (gint64) seconds;
  else
    options->created = g_get_real_time () / G_USEC_PER_SEC;
}

NhsPaperSize
nhs_paper_size_from_locale (void)
{
  const char *names[] = { "LC_ALL", "LC_PAPER", "LANG" };

#ifdef __GLIBC__
  {
    /* glibc answers in millimetres, a word stored where the pointer is
     * (its own union locale_data_value): the rest of the pointer is not
     * cleared, so only the word is read */
    union { const char *string; unsigned int word; } width;

    width.string = nl_langinfo (_NL_PAPER_WIDTH);
    if (width.word > 0)
      return width.word == 216 ? NHS_PAPER_LETTER : NHS_PAPER_A4;
  }
#endif
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);
      if (is_empty (value))
        continue;
      return (strstr (value, "_US") || strstr (value, "_CA")) ? NHS_PAPER_LETTER : NHS_PAPER_A4;
    }
  return NHS_PAPER_A4;
}

gboolean
nhs_paper_size_from_string (const char   *text,
                            NhsPaperSize *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = NHS_PAPER_A4;
  else if (text != NULL && g_ascii_strcasecmp (text, "letter") == 0)
    *paper = NHS_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

gboolean
nhs_briefing_format_for_path (const char        *path,
                              NhsBriefingFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    *format = NHS_BRIEFING_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    *format = NHS_BRIEFING_FORMAT_MARKDOWN;
  else if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    *format = NHS_BRIEFING_FORMAT_HTML;
  else
    return FALSE;
  return TRUE;
}

char *
nhs_markdown_escape (const char *text,
                     gboolean    in_table)
{
  GString *out;
  gboolean line_start = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p; p++)
    {
      char c = *p;

      if (c == '\r')
        continue;
      if (c == '\n')
        {
          /* a backslash before the line end is a hard line break */
          g_string_append (out, in_table ? " " : "\\\n");
          line_start = !in_table;
          continue;
        }
      if (line_start)
        {
          const char *q = p;

          /* leading blanks would make a code block; Markdown drops them anyway */
          if (c == ' ' || c == '\t')
            continue;
          line_start = FALSE;
          /* "1." or "1)" starts a numbered list */
          while (g_ascii_isdigit (*q))
            q++;
          if (q > p && (*q == '.' || *q == ')'))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *q);
              p = q;
              continue;
            }
          /* list items, setext underlines, thematic breaks */
          if (c == '-' || c == '+' || c == '=')
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, c);
              continue;
            }
        }
      if (strchr ("\\`*_[]<>#!&~{}$^|", c) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

GBytes *
nhs_briefing_to_bytes (NhsDataset               *dataset,
                       NhsEventFilter           *filter,
                       const NhsBriefingOptions *options,
                       NhsBriefingFormat         format,
                       GError                  **error)
{
  g_autoptr(NhsBriefing) briefing = NULL;
  NhsBriefingOptions defaults;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (filter == NULL || NHS_IS_EVENT_FILTER (filter), NULL);

  if (options == NULL)
    {
      nhs_briefing_options_init (&defaults);
      options = &defaults;
    }
  briefing = nhs_briefing_new (dataset, filter, options);
  switch (format)
    {
    case NHS_BRIEFING_FORMAT_MARKDOWN:
      return write_markdown (briefing);
    case NHS_BRIEFING_FORMAT_HTML:
      return write_html (briefing);
    case NHS_BRIEFING_FORMAT_PDF:
    default:
      return nhs_briefing_write_pdf (briefing, error);
    }
}

gboolean
nhs_briefing_export_file (NhsDataset               *dataset,
                          NhsEventFilter           *filter,
                          const NhsBriefingOptions *options,
                          const char               *path,
                          GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  NhsBriefingFormat format;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_nhs_export_check_not_folder (path, error))
    return FALSE;
  if (!nhs_briefing_format_for_path (path, &format))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not save %s: the name must end in .pdf, .md or .html, which decides the format."), name);
      return FALSE;
    }
  bytes = nhs_briefing_to_bytes (dataset, filter, options, format, error);
  if (bytes == NULL)
    return FALSE;
  return nhs_write_file_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

typedef struct
{
  NhsDataset        *dataset;
  NhsEventFilter    *filter;
  NhsBriefingOptions options;
  char              *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->dataset);
  g_clear_object (&data->filter);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (nhs_briefing_export_file (data->dataset, data->filter, &data->options, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
nhs_briefing_export_file_async (NhsDataset               *dataset,
                                NhsEventFilter           *filter,
                                const NhsBriefingOptions *options,
                                const char               *path,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (NHS_IS_DATASET (dataset));
  g_return_if_fail (filter == NULL || NHS_IS_EVENT_FILTER (filter));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->dataset = g_object_ref (dataset);
  data->filter = filter ? nhs_event_filter_copy (filter) : NULL;
  if (options)
    data->options = *options;
  else
    nhs_briefing_options_init (&data->options);
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nhs_briefing_export_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
nhs_briefing_export_file_finish (GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
