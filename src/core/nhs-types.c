/* nhs-types.c: enum look-ups and labels
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-types"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-types.h"
#include "nhs-enums.h"

gboolean
nhs_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}

const char *
nhs_enum_to_nick (GType enum_type,
                  int   value)
{
  /* enum classes are static types: the class stays alive once referenced */
  GEnumClass *klass = g_type_class_peek (enum_type);
  GEnumValue *ev;

  if (klass == NULL)
    klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);
  return ev ? ev->value_nick : "";
}

const char *
nhs_event_kind_to_label (NhsEventKind kind)
{
  switch (kind)
    {
    /* TRANSLATORS: the kinds of event, in the event list's Kind column and
     * the chart's tooltips; keep them short */
    case NHS_EVENT_KIND_STRIKE: return C_("event kind", "Strike");
    case NHS_EVENT_KIND_BALLOT: return C_("event kind", "Ballot");
    case NHS_EVENT_KIND_VOTE: return C_("event kind", "Vote");
    case NHS_EVENT_KIND_OFFER: return C_("event kind", "Offer");
    case NHS_EVENT_KIND_DEAL: return C_("event kind", "Deal");
    case NHS_EVENT_KIND_PAY_AWARD: return C_("event kind", "Pay award");
    case NHS_EVENT_KIND_TALKS: return C_("event kind", "Talks");
    case NHS_EVENT_KIND_ANNOUNCEMENT: return C_("event kind", "Announcement");
    case NHS_EVENT_KIND_STATEMENT: return C_("event kind", "Statement");
    case NHS_EVENT_KIND_OTHER:
    default: return C_("event kind", "Other");
    }
}

const char *
nhs_event_kind_to_icon_name (NhsEventKind kind)
{
  switch (kind)
    {
    case NHS_EVENT_KIND_STRIKE: return "nhs-strike-symbolic";
    case NHS_EVENT_KIND_BALLOT: return "nhs-ballot-symbolic";
    case NHS_EVENT_KIND_VOTE: return "nhs-ballot-symbolic";
    case NHS_EVENT_KIND_OFFER: return "nhs-offer-symbolic";
    case NHS_EVENT_KIND_DEAL: return "nhs-deal-symbolic";
    case NHS_EVENT_KIND_PAY_AWARD: return "nhs-pay-symbolic";
    case NHS_EVENT_KIND_TALKS: return "nhs-talks-symbolic";
    case NHS_EVENT_KIND_ANNOUNCEMENT: return "nhs-announcement-symbolic";
    case NHS_EVENT_KIND_STATEMENT: return "nhs-announcement-symbolic";
    case NHS_EVENT_KIND_OTHER:
    default: return "nhs-other-symbolic";
    }
}

const char *
nhs_event_status_to_label (NhsEventStatus status)
{
  switch (status)
    {
    case NHS_EVENT_STATUS_ANNOUNCED: return _("Announced");
    case NHS_EVENT_STATUS_CALLED_OFF: return _("Called off");
    case NHS_EVENT_STATUS_HAPPENED:
    default: return _("Happened");
    }
}

const char *
nhs_figure_metric_to_label (NhsFigureMetric metric)
{
  switch (metric)
    {
    case NHS_FIGURE_METRIC_PAY_AWARD: return _("Pay award");
    case NHS_FIGURE_METRIC_PAY_OFFER: return _("Pay offer");
    case NHS_FIGURE_METRIC_PAY_CLAIM: return _("Pay claim");
    case NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE: return _("Real-terms pay change");
    case NHS_FIGURE_METRIC_VOTE_SHARE: return _("Vote share");
    case NHS_FIGURE_METRIC_TURNOUT: return _("Turnout");
    case NHS_FIGURE_METRIC_APPOINTMENTS_RESCHEDULED: return _("Appointments rescheduled");
    case NHS_FIGURE_METRIC_COST: return _("Cost");
    case NHS_FIGURE_METRIC_OTHER:
    default: return _("Other");
    }
}
