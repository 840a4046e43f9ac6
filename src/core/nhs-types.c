/* nhs-types.c: enum look-ups and labels
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-types"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

static const struct {
  const char *nick;
  const char *label;
  const char *icon_name;
  const char *menu_nick;
  const char *menu_label;
  const char *chart_row;
} kinds[] = {
#define KIND_ROW(NAME, nick, label, icon, menu_nick, menu_label, chart_row) \
  [NHS_EVENT_KIND_##NAME] = { nick, label, icon, menu_nick, menu_label, chart_row },
  NHS_EVENT_KINDS (KIND_ROW)
#undef KIND_ROW
};

GType
nhs_event_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
#define KIND_VALUE(NAME, nick, ...) { NHS_EVENT_KIND_##NAME, "NHS_EVENT_KIND_" #NAME, nick },
      static const GEnumValue values[] = {
        NHS_EVENT_KINDS (KIND_VALUE)
        { 0, NULL, NULL }
      };
#undef KIND_VALUE
      g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("NhsEventKind"), values));
    }
  return type;
}

const char *
nhs_event_kind_to_label (NhsEventKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kinds))
    kind = NHS_EVENT_KIND_OTHER;
  /* TRANSLATORS: the kinds of event (context "event kind"), in the event
   * list's Kind column and the chart's tooltips; keep them short */
  return g_dpgettext2 (GETTEXT_PACKAGE, "event kind", kinds[kind].label);
}

const char *
nhs_event_kind_to_icon_name (NhsEventKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kinds))
    kind = NHS_EVENT_KIND_OTHER;
  return kinds[kind].icon_name;
}

const char *
nhs_event_kind_to_chart_row (NhsEventKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kinds) || kinds[kind].chart_row == NULL)
    return NULL;
  /* TRANSLATORS: the names of the chart's rows of markers (context "chart row") */
  return g_dpgettext2 (GETTEXT_PACKAGE, "chart row", kinds[kind].chart_row);
}

char *
nhs_event_kind_list_nicks (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", kinds[i].nick);
  return g_string_free (s, FALSE);
}

/* The kind menu {{{ */

typedef struct
{
  const char *nick;
  const char *label;
  guint mask;
} KindChoice;

static const KindChoice *
kind_choices (guint *n)
{
  static KindChoice choices[NHS_EVENT_KIND_N + 1];
  static gsize n_choices = 0;

  if (g_once_init_enter (&n_choices))
    {
      guint count = 1;

      /* "all" is none of the kinds' masks: the filter shows every kind */
      choices[0] = (KindChoice) { "all", N_("All kinds"), 0 };
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          guint c;

          if (kinds[k].menu_nick == NULL)
            continue;
          for (c = 1; c < count && strcmp (choices[c].nick, kinds[k].menu_nick) != 0; c++)
            ;
          if (c == count)
            choices[count++] = (KindChoice) { kinds[k].menu_nick, kinds[k].menu_label, 0 };
          choices[c].mask |= NHS_EVENT_KIND_MASK (k);
        }
      g_once_init_leave (&n_choices, count);
    }
  *n = n_choices;
  return choices;
}

guint
nhs_kind_choice_get_n_choices (void)
{
  guint n;

  kind_choices (&n);
  return n;
}

guint
nhs_kind_choice_get_mask (guint choice)
{
  guint n;
  const KindChoice *choices = kind_choices (&n);

  g_return_val_if_fail (choice < n, 0);
  return choices[choice].mask;
}

const char *
nhs_kind_choice_get_nick (guint choice)
{
  guint n;
  const KindChoice *choices = kind_choices (&n);

  g_return_val_if_fail (choice < n, NULL);
  return choices[choice].nick;
}

const char *
nhs_kind_choice_get_label (guint choice)
{
  guint n;
  const KindChoice *choices = kind_choices (&n);

  g_return_val_if_fail (choice < n, NULL);
  return _(choices[choice].label);
}

guint
nhs_kind_choice_from_mask (guint mask)
{
  guint n;
  const KindChoice *choices = kind_choices (&n);

  for (guint i = 0; i < n; i++)
    if (choices[i].mask == mask)
      return i;
  return 0;
}

guint
nhs_kind_choice_from_nick (const char *nick)
{
  guint n;
  const KindChoice *choices = kind_choices (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (choices[i].nick, nick) == 0)
      return i;
  return 0;
}

/* }}} */

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
