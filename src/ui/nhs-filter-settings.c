/* nhs-filter-settings.c: the event filter, remembered in GSettings
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-filter-settings"

#include "config.h"

#include <stdio.h>

#include "nhs-filter-settings.h"

GDateTime *
nhs_day_parse (const char *text,
               GTimeZone  *tz)
{
  int y, m, d;
  char end;
  g_autoptr(GTimeZone) local = NULL;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return NULL;
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  return g_date_time_new (tz, y, m, d, 0, 0, 0);
}

GDateTime *
nhs_day_in_timezone (GDateTime *day,
                     GTimeZone *tz)
{
  g_autoptr(GTimeZone) local = NULL;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  return g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), 0, 0, 0);
}

static char *
format_day (GDateTime *day)
{
  return day ? g_date_time_format (day, "%Y-%m-%d") : g_strdup ("");
}

void
nhs_filter_settings_restore (GSettings      *settings,
                             NhsEventFilter *filter,
                             GTimeZone      *tz)
{
  g_autofree char *search = g_settings_get_string (settings, "filter-search");
  g_autofree char *kinds = g_settings_get_string (settings, "filter-kinds");
  g_autofree char *from_text = g_settings_get_string (settings, "filter-from");
  g_autofree char *to_text = g_settings_get_string (settings, "filter-to");
  g_auto(GStrv) hidden = g_settings_get_strv (settings, "filter-hidden-groups");
  g_autoptr(GDateTime) from = nhs_day_parse (from_text, tz);
  g_autoptr(GDateTime) to = nhs_day_parse (to_text, tz);

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (NHS_IS_EVENT_FILTER (filter));

  nhs_event_filter_set_search (filter, search);
  nhs_event_filter_set_kinds (filter, nhs_kind_choice_get_mask (nhs_kind_choice_from_nick (kinds)));
  /* a range that ends before it starts is no range the controls make: damage */
  if (from != NULL && to != NULL && g_date_time_compare (from, to) > 0)
    {
      g_clear_pointer (&from, g_date_time_unref);
      g_clear_pointer (&to, g_date_time_unref);
    }
  nhs_event_filter_set_range (filter, from, to);
  /* ids of groups this dataset lacks stay, for the next dataset; what
   * cannot be a group id at all is dropped */
  for (guint i = 0; hidden[i]; i++)
    if (nhs_group_id_is_valid (hidden[i]))
      nhs_event_filter_set_group_enabled (filter, hidden[i], FALSE);
}

void
nhs_filter_settings_save (GSettings      *settings,
                          NhsEventFilter *filter)
{
  g_auto(GStrv) hidden = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (NHS_IS_EVENT_FILTER (filter));

  hidden = nhs_event_filter_dup_disabled_groups (filter);
  from = format_day (nhs_event_filter_get_from (filter));
  to = format_day (nhs_event_filter_get_to (filter));

  g_settings_set_string (settings, "filter-search", nhs_event_filter_get_search (filter));
  g_settings_set_string (settings, "filter-kinds",
                         nhs_kind_choice_get_nick (nhs_kind_choice_from_mask (nhs_event_filter_get_kinds (filter))));
  g_settings_set_strv (settings, "filter-hidden-groups", (const char * const *) hidden);
  g_settings_set_string (settings, "filter-from", from);
  g_settings_set_string (settings, "filter-to", to);
}
