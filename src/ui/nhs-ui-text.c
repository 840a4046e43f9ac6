/* nhs-ui-text.c: days, publishers and evidence in words, as the window
 * writes them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nhs-ui-text.h"

char *
nhs_format_day (GDateTime *day)
{
  /* Translators: a day as the window writes it (the event list, the date
   * filter, the reader, the inspector, the chart); see g_date_time_format() */
  return day ? g_date_time_format (day, _("%-d %b %Y")) : NULL;
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
