/* nhs-ui-text.c: days, publishers and evidence in words, as the window
 * writes them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nhs-time-zone.h"
#include "nhs-ui-text.h"

char *
nhs_format_day (GDateTime *day)
{
  /* Translators: a day as the window writes it (the event list, the date
   * filter, the reader, the inspector, the chart); see g_date_time_format() */
  return day ? g_date_time_format (day, _("%-d %b %Y")) : NULL;
}

char *
nhs_format_span (GTimeZone *tz,
                 gint64     start_us,
                 gint64     end_us)
{
  /* the end is exclusive: a strike to 07:00 on the 16th ends on the 16th,
   * a date-only end at midnight on the day before */
  g_autoptr(GDateTime) start = nhs_time_zone_local (tz, start_us);
  g_autoptr(GDateTime) last = nhs_time_zone_local (tz, MAX (start_us, end_us - 1));
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_date_time_get_year (start) == g_date_time_get_year (last) &&
      g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (last))
    return g_date_time_format (start, _("%-d %B %Y"));

  /* TRANSLATORS: the last day of a range, "16 March 2023"; see g_date_time_format() */
  b = g_date_time_format (last, _("%-d %B %Y"));
  if (g_date_time_get_year (start) != g_date_time_get_year (last))
    a = g_date_time_format (start, _("%-d %B %Y"));
  else if (g_date_time_get_month (start) != g_date_time_get_month (last))
    /* TRANSLATORS: the first day of a range within one year, "28 February" in
     * "28 February–2 March 2023"; see g_date_time_format() */
    a = g_date_time_format (start, _("%-d %B"));
  else
    /* TRANSLATORS: the first day of a range within one month, "13" in
     * "13–16 March 2023"; see g_date_time_format() */
    a = g_date_time_format (start, _("%-d"));
  /* TRANSLATORS: a range of days, "13–16 March 2023" */
  return g_strdup_printf (_("%s–%s"), a, b);
}

char *
nhs_join_meta (const char *publisher,
               GDateTime  *published)
{
  g_autofree char *day = nhs_format_day (published);

  if (publisher && *publisher && day)
    /* Translators: publisher and date, "BBC News · 25 Jan 2024" */
    return g_strdup_printf (_("%s · %s"), publisher, day);
  if (publisher && *publisher)
    return g_strdup (publisher);
  return g_steal_pointer (&day);
}

char *
nhs_describe_evidence_owner (NhsEvidence *evidence)
{
  GObject *owner = nhs_evidence_get_owner (evidence);

  if (NHS_IS_EVENT (owner))
    /* Translators: tooltip over a highlighted quote */
    return g_strdup_printf (_("Evidence for “%s”"), nhs_event_get_title (NHS_EVENT (owner)));
  if (NHS_IS_FIGURE (owner))
    {
      NhsFigure *figure = NHS_FIGURE (owner);
      g_autofree char *value = nhs_figure_format_value (figure);
      const char *label = nhs_figure_get_label (figure);
      NhsEvent *event = nhs_figure_get_event (figure);
      g_autofree char *text =
        /* Translators: tooltip over a highlighted quote: a figure's label and value */
        g_strdup_printf (_("Evidence for the figure “%s” (%s)"),
                         label ? label : nhs_figure_metric_to_label (nhs_figure_get_metric (figure)), value);

      if (event == NULL)
        return g_steal_pointer (&text);
      /* Translators: the second line says which event a figure belongs to */
      return g_strdup_printf (_("%s\nof “%s”"), text, nhs_event_get_title (event));
    }
  return NULL;
}
