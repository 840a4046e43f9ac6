/* nhs-chart-tooltip.c: what the chart's tooltip says of what is under the
 * pointer or the keyboard's cursor
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer's layers find what is at a point; only the window puts it
 * in words (exports have no pointer), from the chart model alone.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nhs-chart-tooltip.h"
#include "nhs-time-zone.h"
#include "nhs-ui-text.h"

/* "Source: BMA; The Guardian", each publisher once, in the evidence's order */
static void
append_sources (GString   *text,
                GPtrArray *evidence)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; i < evidence->len; i++)
    {
      const char *name = nhs_evidence_get_publisher (g_ptr_array_index (evidence, i));

      if (name != NULL && *name != '\0' && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  if (names->len == 0)
    {
      g_string_append_printf (text, "\n%s", _("Source: none given"));
      return;
    }
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv ("; ", (char **) names->pdata);
  g_string_append_c (text, '\n');
  /* TRANSLATORS: in a chart tooltip, the publishers behind an event */
  g_string_append_printf (text, _("Source: %s"), joined);
}

static void
append_event (GString       *text,
              NhsChartModel *model,
              NhsEvent      *event)
{
  g_autofree char *span = nhs_format_span (nhs_chart_model_get_timezone (model), nhs_event_get_start_us (event),
                                           nhs_event_get_end_us (event));
  g_autofree char *groups = nhs_event_dup_groups_label (event);
  guint days = nhs_event_get_strike_days (event);

  g_string_append_printf (text, "%s\n%s", nhs_event_get_title (event), span);
  if (days > 0)
    {
      g_string_append (text, " · ");
      /* TRANSLATORS: a walkout's length in a chart tooltip */
      g_string_append_printf (text, ngettext ("%u strike day", "%u strike days", days), days);
    }
  if (nhs_event_get_status (event) != NHS_EVENT_STATUS_HAPPENED)
    g_string_append_printf (text, " · %s", nhs_event_status_to_label (nhs_event_get_status (event)));
  g_string_append_printf (text, "\n%s · %s", nhs_event_kind_to_label (nhs_event_get_kind (event)), groups);
  if (nhs_event_get_outcome (event) != NULL)
    g_string_append_printf (text, "\n%s", nhs_event_get_outcome (event));
  append_sources (text, nhs_event_get_evidence (event));
}

static void
append_figure (GString   *text,
               NhsFigure *figure)
{
  g_autofree char *value = nhs_figure_format_value (figure);
  g_autofree char *date = g_date_time_format (nhs_figure_get_date (figure), _("%-d %B %Y"));
  NhsGroup *group = nhs_figure_get_group (figure);

  /* TRANSLATORS: a figure in a chart tooltip, "Pay award: 8.8%" */
  g_string_append_printf (text, _("%s: %s"), nhs_figure_metric_to_label (nhs_figure_get_metric (figure)), value);
  if (group != NULL)
    g_string_append_printf (text, " · %s", nhs_group_get_short_name (group));
  if (nhs_figure_get_label (figure) != NULL)
    g_string_append_printf (text, "\n%s", nhs_figure_get_label (figure));
  g_string_append_printf (text, "\n%s", date);
  if (nhs_figure_get_period (figure) != NULL)
    /* TRANSLATORS: the pay year a figure is for, "pay year 2023/24" */
    g_string_append_printf (text, _(" · pay year %s"), nhs_figure_get_period (figure));
  if (nhs_figure_get_basis (figure) != NULL)
    g_string_append_printf (text, "\n%s", nhs_figure_get_basis (figure));
  if (nhs_figure_get_claimant (figure) != NULL)
    /* TRANSLATORS: who put a figure forward, "Claimant: BMA" */
    g_string_append_printf (text, _("\nClaimant: %s"), nhs_figure_get_claimant (figure));
  append_sources (text, nhs_figure_get_evidence (figure));
}

/* An award, then the dataset's other award figures (percentages) of its
 * group and pay year: the chart plots one of them */
static void
append_step (GString            *text,
             NhsChartModel      *model,
             const NhsChartStep *step)
{
  GListModel *figures = nhs_dataset_get_figures (nhs_chart_model_get_dataset (model));

  append_figure (text, step->figure);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(NhsFigure) other = g_list_model_get_item (figures, i);
      g_autofree char *value = NULL;

      if (other == step->figure || nhs_figure_get_metric (other) != NHS_FIGURE_METRIC_PAY_AWARD ||
          nhs_figure_get_unit (other) != NHS_FIGURE_UNIT_PERCENT ||
          nhs_figure_get_group (other) != nhs_figure_get_group (step->figure) ||
          g_strcmp0 (nhs_figure_get_period (other), nhs_figure_get_period (step->figure)) != 0)
        continue;
      value = nhs_figure_format_value (other);
      /* TRANSLATORS: another award figure for the same pay year: "Also: 8.8% (average)" */
      g_string_append_printf (text, _("\nAlso: %s (%s)"), value,
                              nhs_figure_get_basis (other) ? nhs_figure_get_basis (other) : nhs_figure_get_label (other));
    }
}

/* "Residents: 6 strike days in January 2024" */
static void
append_month (GString                  *text,
              NhsChartModel            *model,
              const NhsChartMonthStack *stack,
              guint                     lane)
{
  g_autoptr(GDateTime) month = nhs_time_zone_local (nhs_chart_model_get_timezone (model), stack->start_us);
  g_autofree char *name = g_date_time_format (month, _("%B %Y"));
  guint days = stack->days[lane];

  /* TRANSLATORS: a month's column segment: "Residents: 6 strike days in January 2024" */
  g_string_append_printf (text, ngettext ("%s: %u strike day in %s", "%s: %u strike days in %s", days),
                          nhs_group_get_short_name (nhs_chart_model_get_lane (model, lane)->group), days, name);
}

/* A group's name and totals in the legend, and what a click does */
static void
append_legend (GString            *text,
               const NhsChartLane *lane)
{
  g_string_append (text, nhs_group_get_name (lane->group));
  if (lane->visible)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: a group's totals in the legend's tooltip */
      g_string_append_printf (text, ngettext ("%u strike day", "%u strike days", lane->strike_days), lane->strike_days);
      g_string_append_printf (text, ngettext (" in %u walkout", " in %u walkouts", lane->rounds), lane->rounds);
    }
  g_string_append_printf (text, "\n%s", lane->visible ? _("Click to hide this group") : _("Click to show this group"));
}

gboolean
nhs_chart_hit_in_model (NhsChartModel     *model,
                        const NhsChartHit *hit)
{
  gboolean lane_in_model = hit->lane >= 0 && (guint) hit->lane < nhs_chart_model_get_n_lanes (model);

  switch (hit->kind)
    {
    case NHS_CHART_HIT_MONTH:
      return lane_in_model && hit->index < nhs_chart_model_get_month_stacks (model)->len;
    case NHS_CHART_HIT_LEGEND:
      return lane_in_model;
    case NHS_CHART_HIT_STEP:
      return hit->index < nhs_chart_model_get_steps (model)->len;
    case NHS_CHART_HIT_PAY_POINT:
      return hit->index < nhs_chart_model_get_pay_points (model)->len;
    case NHS_CHART_HIT_BAR:
    case NHS_CHART_HIT_MANDATE:
    case NHS_CHART_HIT_MARKER:
      return hit->event != NULL;
    case NHS_CHART_HIT_NONE:
    default:
      return FALSE;
    }
}

char *
nhs_chart_dup_hit_text (NhsChartModel     *model,
                        const NhsChartHit *hit)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (NHS_IS_CHART_MODEL (model), NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (!nhs_chart_hit_in_model (model, hit))
    return NULL;
  text = g_string_new (NULL);
  switch (hit->kind)
    {
    case NHS_CHART_HIT_MANDATE:
      /* TRANSLATORS: the tooltip of a shaded strike mandate, then the ballot */
      g_string_append_printf (text, "%s\n", _("Strike mandate"));
      G_GNUC_FALLTHROUGH;
    case NHS_CHART_HIT_BAR:
    case NHS_CHART_HIT_MARKER:
      append_event (text, model, hit->event);
      break;
    case NHS_CHART_HIT_MONTH:
      append_month (text, model, &g_array_index (nhs_chart_model_get_month_stacks (model), NhsChartMonthStack, hit->index),
                    hit->lane);
      break;
    case NHS_CHART_HIT_STEP:
      append_step (text, model, &g_array_index (nhs_chart_model_get_steps (model), NhsChartStep, hit->index));
      break;
    case NHS_CHART_HIT_PAY_POINT:
      append_figure (text, g_array_index (nhs_chart_model_get_pay_points (model), NhsChartPayPoint, hit->index).figure);
      break;
    case NHS_CHART_HIT_LEGEND:
    default:
      append_legend (text, nhs_chart_model_get_lane (model, hit->lane));
      break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
