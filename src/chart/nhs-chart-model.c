/* nhs-chart-model.c: what the chart shows, computed from a dataset and a filter
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-model"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nhs-chart-model.h"
#include "nhs-time-zone.h"

#define DAY_US (G_USEC_PER_SEC * (gint64) 86400)

struct _NhsChartModel
{
  GObject parent_instance;

  NhsDataset *dataset;
  GTimeZone *tz;

  GArray *lanes;          /* NhsChartLane */
  guint n_visible;
  GArray *stacks;         /* NhsChartMonthStack */
  guint *stack_days;      /* backing store of every stack's days */
  guint max_month_total;
  GArray *markers;        /* NhsChartMarker */
  GArray *steps;          /* NhsChartStep */
  GArray *pay_points;     /* NhsChartPayPoint */
  double max_award;
  guint n_pay_left_out;   /* pay figures a search or a choice of kinds left out */

  GPtrArray *navigable;   /* NhsEvent, borrowed */
  GHashTable *nav_index;  /* NhsEvent → position + 1 */

  gint64 extent_from;
  gint64 extent_to;
  gint64 strikes_from;      /* from > to: no strikes */
  gint64 strikes_to;

  char **publishers;
  char *filter_description;
};

G_DEFINE_ENUM_TYPE (NhsChartMode, nhs_chart_mode,
  G_DEFINE_ENUM_VALUE (NHS_CHART_MODE_TIMELINE, "timeline"),
  G_DEFINE_ENUM_VALUE (NHS_CHART_MODE_MONTHLY, "monthly"))

G_DEFINE_FINAL_TYPE (NhsChartModel, nhs_chart_model, G_TYPE_OBJECT)

/* Auxiliary functions */

static gint64
local_us (GTimeZone *tz,
          int        year,
          int        month,
          int        day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

/* The first instant of the month that contains us */
static gint64
month_floor (GTimeZone *tz,
             gint64     us)
{
  g_autoptr(GDateTime) dt = nhs_time_zone_local (tz, us);

  return local_us (tz, g_date_time_get_year (dt), g_date_time_get_month (dt), 1);
}

static gint64
month_ceil (GTimeZone *tz,
            gint64     us)
{
  g_autoptr(GDateTime) dt = nhs_time_zone_local (tz, us);
  int year = g_date_time_get_year (dt);
  int month = g_date_time_get_month (dt);
  gint64 floor_us = local_us (tz, year, month, 1);

  if (floor_us == us)
    return us;
  return month == 12 ? local_us (tz, year + 1, 1, 1) : local_us (tz, year, month + 1, 1);
}

/* The lane of the event's first group that the filter shows, or -1 */
static int
first_visible_lane (NhsChartModel *self,
                    NhsEvent      *event)
{
  GPtrArray *groups = nhs_event_get_groups (event);

  for (guint i = 0; i < groups->len; i++)
    {
      guint index = nhs_group_get_index (g_ptr_array_index (groups, i));
      if (index < self->lanes->len && g_array_index (self->lanes, NhsChartLane, index).visible)
        return (int) index;
    }
  return -1;
}

static void
extend (gint64 *from,
        gint64 *to,
        gint64  start,
        gint64  end)
{
  *from = MIN (*from, start);
  *to = MAX (*to, end);
}

static void
add_navigable (NhsChartModel *self,
               NhsEvent      *event)
{
  if (g_hash_table_contains (self->nav_index, event))
    return;
  g_ptr_array_add (self->navigable, event);
  g_hash_table_insert (self->nav_index, event, GUINT_TO_POINTER (self->navigable->len));
}

/* Counted by the publisher string's address (a dataset shares its strings),
 * then folded by text in sorted_publishers */
static void
count_publishers (GHashTable *counts,
                  GPtrArray  *evidence)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      const char *publisher = nhs_evidence_get_publisher (g_ptr_array_index (evidence, i));

      if (publisher == NULL || *publisher == '\0')
        continue;
      g_hash_table_insert (counts, (gpointer) publisher,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, publisher)) + 1));
    }
}

static int
publisher_cmp (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *counts = user_data;
  const char *pa = *(const char **) a, *pb = *(const char **) b;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pa));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pb));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return strcmp (pa, pb);
}

static char **
sorted_publishers (GHashTable *counts)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort_with_data (keys, publisher_cmp, counts);
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

/* "2023/24" → 2023; -1 for anything but one pay year */
static int
parse_pay_year (const char *period)
{
  int first, second;
  char tail;

  if (period == NULL || strlen (period) != 7 || period[4] != '/' ||
      sscanf (period, "%4d/%2d%c", &first, &second, &tail) != 2 ||
      (first + 1) % 100 != second)
    return -1;
  return first;
}

/* Which of several awards for one pay year the step line plots: the
 * average where there is one, so that a flat rise plus cash reads as what it
 * was worth; then the headline. Single grades are in the tooltip. */
static int
award_rank (NhsFigure *figure)
{
  const char *basis = nhs_figure_get_basis (figure);

  if (basis == NULL)
    return 3;
  if (g_str_has_prefix (basis, "average"))
    return 0;
  if (g_str_has_prefix (basis, "headline"))
    return 1;
  if (strstr (basis, "headline") != NULL)
    return 2;
  return 4;
}

static int
step_cmp (gconstpointer a,
          gconstpointer b)
{
  const NhsChartStep *sa = a, *sb = b;

  if (sa->lane != sb->lane)
    return sa->lane - sb->lane;
  return sa->pay_year - sb->pay_year;
}

/* Whether the filter has a search or a choice of kinds: it then keeps the
 * figures of the events it keeps, and no figure that belongs to no event */
static gboolean
filter_picks_events (NhsEventFilter *filter)
{
  const char *search = nhs_event_filter_get_search (filter);
  guint kinds = nhs_event_filter_get_kinds (filter);

  return (search != NULL && *search != '\0') || (kinds != 0 && kinds != NHS_EVENT_KIND_MASK_ALL);
}

static gboolean
figure_in_filter (NhsEventFilter *filter,
                  NhsFigure      *figure)
{
  GDateTime *date = nhs_figure_get_date (figure);
  NhsGroup *group = nhs_figure_get_group (figure);

  if (filter == NULL)
    return TRUE;
  if (filter_picks_events (filter))
    return nhs_figure_get_event (figure) != NULL && nhs_event_filter_match (filter, nhs_figure_get_event (figure));
  if (group != NULL && !nhs_event_filter_get_group_enabled (filter, nhs_group_get_id (group)))
    return FALSE;
  if (nhs_event_filter_get_from (filter) != NULL &&
      g_date_time_compare (date, nhs_event_filter_get_from (filter)) < 0)
    return FALSE;
  if (nhs_event_filter_get_to (filter) != NULL &&
      g_date_time_compare (date, nhs_event_filter_get_to (filter)) > 0)
    return FALSE;
  return TRUE;
}

/* Building */

static void
build_lanes (NhsChartModel  *self,
             NhsEventFilter *filter,
             GArray         *totals)
{
  GListModel *groups = nhs_dataset_get_groups (self->dataset);
  guint n_groups = g_list_model_get_n_items (groups);

  self->lanes = g_array_sized_new (FALSE, TRUE, sizeof (NhsChartLane), n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, g);
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, g);
      NhsChartLane lane = {
        .group = group,
        .index = g,
        .visible = filter == NULL || nhs_event_filter_get_group_enabled (filter, nhs_group_get_id (group)),
        .bars = g_array_new (FALSE, FALSE, sizeof (NhsChartBar)),
        .mandates = g_array_new (FALSE, FALSE, sizeof (NhsChartSpan)),
        .months = g_array_new (FALSE, FALSE, sizeof (NhsChartMonth)),
        .joints = g_array_new (FALSE, FALSE, sizeof (guint)),
        .strike_days = t->strike_days,
        .rounds = t->rounds,
      };

      if (lane.visible)
        self->n_visible++;
      g_array_append_val (self->lanes, lane);
    }
}

/* One pass over the events: bars, mandates and markers */
static void
build_events (NhsChartModel  *self,
              NhsEventFilter *filter,
              gint64         *from,
              gint64         *to)
{
  guint n = nhs_dataset_get_n_events (self->dataset);
  gboolean is_marker[NHS_EVENT_KIND_N];

  /* the kinds drawn as markers: a row each in the table of kinds */
  for (guint k = 0; k < NHS_EVENT_KIND_N; k++)
    is_marker[k] = nhs_event_kind_to_chart_row (k) != NULL;
  for (guint i = 0; i < n; i++)
    {
      NhsEvent *event = nhs_dataset_get_event (self->dataset, i);
      NhsEventKind kind = nhs_event_get_kind (event);
      gint64 start = nhs_event_get_start_us (event);
      gint64 end = MAX (nhs_event_get_end_us (event), start);
      GPtrArray *groups;

      if (kind != NHS_EVENT_KIND_STRIKE && !is_marker[kind])
        continue;
      if (filter != NULL && !nhs_event_filter_match (filter, event))
        continue;

      groups = nhs_event_get_groups (event);
      if (kind == NHS_EVENT_KIND_STRIKE)
        {
          NhsChartBar bar = { event, start, end, nhs_event_get_strike_days (event),
                              groups->len, nhs_event_get_status (event), G_MAXUINT, 0 };

          for (guint g = 0; g < groups->len; g++)
            {
              guint l = nhs_group_get_index (g_ptr_array_index (groups, g));
              if (g_array_index (self->lanes, NhsChartLane, l).visible)
                {
                  bar.first_lane = MIN (bar.first_lane, l);
                  bar.last_lane = MAX (bar.last_lane, l);
                }
            }
          for (guint g = 0; g < groups->len; g++)
            {
              NhsChartLane *lane = &g_array_index (self->lanes, NhsChartLane,
                                                   nhs_group_get_index (g_ptr_array_index (groups, g)));
              if (!lane->visible)
                continue;
              if (lane->index == bar.first_lane && bar.last_lane > bar.first_lane)
                g_array_append_val (lane->joints, lane->bars->len);
              g_array_append_val (lane->bars, bar);
              lane->max_bar_us = MAX (lane->max_bar_us, end - start);
            }
          extend (&self->strikes_from, &self->strikes_to, start, end);
        }
      else
        {
          NhsChartMarker marker = { event, kind, start, end, first_visible_lane (self, event) };
          g_array_append_val (self->markers, marker);

          if (kind == NHS_EVENT_KIND_BALLOT && nhs_event_has_tag (event, "mandate"))
            for (guint g = 0; g < groups->len; g++)
              {
                NhsChartLane *lane = &g_array_index (self->lanes, NhsChartLane,
                                                     nhs_group_get_index (g_ptr_array_index (groups, g)));
                NhsChartSpan span = { event, start, end };
                if (lane->visible)
                  g_array_append_val (lane->mandates, span);
              }
        }
      extend (from, to, start, end);
      add_navigable (self, event);
    }
}

/* Strike days per month come from nhs-stats, so the chart and --summary
 * never disagree; the bars only place the cumulative rise within a month. */
static void
build_months (NhsChartModel *self,
              GPtrArray     *months_by_group)
{
  for (guint l = 0; l < self->lanes->len; l++)
    {
      NhsChartLane *lane = &g_array_index (self->lanes, NhsChartLane, l);
      GArray *months = g_ptr_array_index (months_by_group, l);
      guint b = 0;

      if (!lane->visible)
        continue;
      for (guint m = 0; m < months->len; m++)
        {
          NhsMonthDays *md = &g_array_index (months, NhsMonthDays, m);
          NhsChartMonth month = {
            .year = md->year,
            .month = md->month,
            .days = md->days,
            .start_us = local_us (self->tz, md->year, md->month, 1),
            .end_us = md->month == 12 ? local_us (self->tz, md->year + 1, 1, 1)
                                      : local_us (self->tz, md->year, md->month + 1, 1),
          };

          month.first_us = month.end_us;
          month.last_us = month.start_us;
          /* bars and months are both in time order; a bar may span two months */
          while (b < lane->bars->len && g_array_index (lane->bars, NhsChartBar, b).end_us <= month.start_us)
            b++;
          for (guint k = b; k < lane->bars->len; k++)
            {
              NhsChartBar *bar = &g_array_index (lane->bars, NhsChartBar, k);
              if (bar->start_us >= month.end_us)
                break;
              if (bar->status != NHS_EVENT_STATUS_HAPPENED || bar->end_us <= month.start_us)
                continue;
              month.first_us = MIN (month.first_us, MAX (bar->start_us, month.start_us));
              month.last_us = MAX (month.last_us, MIN (bar->end_us, month.end_us));
            }
          if (month.first_us >= month.last_us)
            {
              month.first_us = month.start_us;
              month.last_us = month.end_us;
            }
          g_array_append_val (lane->months, month);
        }
    }
}

static int
int_cmp (gconstpointer a,
         gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The union of the lanes' months, each with every lane's days */
static void
build_stacks (NhsChartModel *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_lanes = self->lanes->len;
  guint n_keys = 0;

  for (guint l = 0; l < n_lanes; l++)
    {
      NhsChartLane *lane = &g_array_index (self->lanes, NhsChartLane, l);
      for (guint m = 0; m < lane->months->len; m++)
        {
          NhsChartMonth *month = &g_array_index (lane->months, NhsChartMonth, m);
          int key = month->year * 12 + month->month - 1;
          g_array_append_val (keys, key);
        }
    }
  g_array_sort (keys, int_cmp);
  for (guint k = 0; k < keys->len; k++)
    if (n_keys == 0 || g_array_index (keys, int, k) != g_array_index (keys, int, n_keys - 1))
      g_array_index (keys, int, n_keys++) = g_array_index (keys, int, k);
  g_array_set_size (keys, n_keys);

  self->stack_days = g_new0 (guint, MAX (1, (gsize) n_keys * n_lanes));
  for (guint k = 0; k < n_keys; k++)
    {
      int key = g_array_index (keys, int, k);
      int year = key / 12, month = key % 12 + 1;
      NhsChartMonthStack stack = {
        .year = year,
        .month = month,
        .start_us = local_us (self->tz, year, month, 1),
        .end_us = month == 12 ? local_us (self->tz, year + 1, 1, 1) : local_us (self->tz, year, month + 1, 1),
        .days = self->stack_days + (gsize) k * n_lanes,
      };
      g_array_append_val (self->stacks, stack);
    }

  for (guint l = 0; l < n_lanes; l++)
    {
      NhsChartLane *lane = &g_array_index (self->lanes, NhsChartLane, l);
      for (guint m = 0; m < lane->months->len; m++)
        {
          NhsChartMonth *month = &g_array_index (lane->months, NhsChartMonth, m);
          int key = month->year * 12 + month->month - 1;
          guint k;

          g_array_binary_search (keys, &key, int_cmp, &k);
          g_array_index (self->stacks, NhsChartMonthStack, k).days[l] = month->days;
          g_array_index (self->stacks, NhsChartMonthStack, k).total += month->days;
        }
    }
  for (guint k = 0; k < n_keys; k++)
    self->max_month_total = MAX (self->max_month_total, g_array_index (self->stacks, NhsChartMonthStack, k).total);
}

static void
add_figure_event (NhsChartModel  *self,
                  NhsEventFilter *filter,
                  NhsFigure      *figure)
{
  NhsEvent *event = nhs_figure_get_event (figure);

  if (event != NULL && (filter == NULL || nhs_event_filter_match (filter, event)))
    add_navigable (self, event);
}

static gint64
figure_us (NhsFigure *figure)
{
  return g_date_time_to_unix (nhs_figure_get_date (figure)) * G_USEC_PER_SEC;
}

/* Pay awards as steps by pay year; offers and claims as points */
static void
build_pay (NhsChartModel  *self,
           NhsEventFilter *filter,
           gint64         *from,
           gint64         *to)
{
  GListModel *figures = nhs_dataset_get_figures (self->dataset);
  guint n = g_list_model_get_n_items (figures);
  g_autoptr(GHashTable) step_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NhsFigure) figure = g_list_model_get_item (figures, i);
      NhsFigureMetric metric = nhs_figure_get_metric (figure);
      NhsGroup *group = nhs_figure_get_group (figure);
      int lane = group != NULL ? (int) nhs_group_get_index (group) : -1;
      gint64 day_us = figure_us (figure);

      if (nhs_figure_get_unit (figure) != NHS_FIGURE_UNIT_PERCENT ||
          (metric != NHS_FIGURE_METRIC_PAY_AWARD && metric != NHS_FIGURE_METRIC_PAY_OFFER &&
           metric != NHS_FIGURE_METRIC_PAY_CLAIM))
        continue;
      if (!figure_in_filter (filter, figure))
        {
          if (filter_picks_events (filter))
            self->n_pay_left_out++;
          continue;
        }

      if (metric == NHS_FIGURE_METRIC_PAY_AWARD)
        {
          int year = parse_pay_year (nhs_figure_get_period (figure));
          NhsChartStep *step;
          gpointer key;
          gpointer found;
          int rank = award_rank (figure);

          if (year < 0 || lane < 0)
            continue;
          /* an award dated from the start of its pay year was made public
           * when its pay-award event says */
          if (nhs_figure_get_event (figure) != NULL &&
              nhs_event_get_kind (nhs_figure_get_event (figure)) == NHS_EVENT_KIND_PAY_AWARD)
            day_us = MAX (day_us, nhs_event_get_start_us (nhs_figure_get_event (figure)));
          key = GINT_TO_POINTER (lane * 100000 + year);
          found = g_hash_table_lookup (step_of, key);
          if (found == NULL)
            {
              NhsChartStep new_step = {
                figure, local_us (self->tz, year, 4, 1), local_us (self->tz, year + 1, 4, 1), day_us,
                year, nhs_figure_get_value (figure), lane, NULL, 0,
              };
              g_array_append_val (self->steps, new_step);
              g_array_append_val (ranks, rank);
              g_hash_table_insert (step_of, key, GUINT_TO_POINTER (self->steps->len));
              continue;
            }
          step = &g_array_index (self->steps, NhsChartStep, GPOINTER_TO_UINT (found) - 1);
          if (rank < g_array_index (ranks, int, GPOINTER_TO_UINT (found) - 1))
            {
              step->figure = figure;
              step->value = nhs_figure_get_value (figure);
              step->announced_us = MIN (step->announced_us, day_us);
              g_array_index (ranks, int, GPOINTER_TO_UINT (found) - 1) = rank;
            }
          else if (rank == g_array_index (ranks, int, GPOINTER_TO_UINT (found) - 1))
            {
              /* of two on the same basis, the earlier is the award and the
               * later what a top-up made of it */
              NhsFigure *first = day_us < figure_us (step->figure) ? figure : step->figure;
              NhsFigure *later = first == figure ? step->figure : figure;

              if (figure_us (later) > figure_us (first) && (step->revision == NULL || figure_us (later) > step->revised_us))
                {
                  step->revision = later;
                  step->revised_us = figure_us (later);
                }
              step->figure = first;
              step->value = nhs_figure_get_value (first);
            }
        }
      else if (metric == NHS_FIGURE_METRIC_PAY_OFFER || metric == NHS_FIGURE_METRIC_PAY_CLAIM)
        {
          NhsChartPayPoint point = { figure, metric, day_us + DAY_US / 2, nhs_figure_get_value (figure), lane,
                                     NHS_CHART_OFFER_TOTAL, 0 };
          const char *nature = nhs_figure_get_nature (figure);
          NhsFigure *base = nhs_figure_get_adds_to (figure) != NULL ?
                            nhs_dataset_lookup_figure (self->dataset, nhs_figure_get_adds_to (figure)) : NULL;

          if (g_strcmp0 (nature, "investment") == 0)
            point.nature = NHS_CHART_OFFER_INVESTMENT;
          else if (g_strcmp0 (nature, "top-up") == 0 && base != NULL)
            {
              point.nature = NHS_CHART_OFFER_TOP_UP;
              point.base = nhs_figure_get_value (base);
              point.value = point.base + nhs_figure_get_value (figure);
            }
          g_array_append_val (self->pay_points, point);
          if (metric == NHS_FIGURE_METRIC_PAY_OFFER)
            self->max_award = MAX (self->max_award, point.value);
          add_figure_event (self, filter, figure);
          extend (from, to, day_us, day_us + DAY_US);
        }
    }

  g_array_sort (self->steps, step_cmp);
  for (guint i = 0; i < self->steps->len; i++)
    {
      NhsChartStep *step = &g_array_index (self->steps, NhsChartStep, i);
      double top = step->revision != NULL ? MAX (step->value, nhs_figure_get_value (step->revision)) : step->value;

      self->max_award = MAX (self->max_award, top);
      add_figure_event (self, filter, step->figure);
      /* "Show Everything" runs from the first pay year shown to the last
       * award's news */
      extend (from, to, step->start_us, MAX (step->announced_us, step->revised_us) + DAY_US);
    }
}

static int
event_index_cmp (gconstpointer a,
                 gconstpointer b)
{
  guint ia = nhs_event_get_index (*(NhsEvent **) a);
  guint ib = nhs_event_get_index (*(NhsEvent **) b);

  return (ia > ib) - (ia < ib);
}

/* Figures add their events after the dataset pass; put them back in order */
static void
sort_navigable (NhsChartModel *self)
{
  g_ptr_array_sort (self->navigable, event_index_cmp);
  g_hash_table_remove_all (self->nav_index);
  for (guint i = 0; i < self->navigable->len; i++)
    g_hash_table_insert (self->nav_index, g_ptr_array_index (self->navigable, i), GUINT_TO_POINTER (i + 1));
}

static void
build_publishers (NhsChartModel *self)
{
  g_autoptr(GHashTable) by_address = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->navigable->len; i++)
    count_publishers (by_address, nhs_event_get_evidence (g_ptr_array_index (self->navigable, i)));
  for (guint i = 0; i < self->steps->len; i++)
    count_publishers (by_address, nhs_figure_get_evidence (g_array_index (self->steps, NhsChartStep, i).figure));
  for (guint i = 0; i < self->pay_points->len; i++)
    count_publishers (by_address, nhs_figure_get_evidence (g_array_index (self->pay_points, NhsChartPayPoint, i).figure));
  g_hash_table_iter_init (&iter, by_address);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (counts, key,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + GPOINTER_TO_UINT (value)));
  self->publishers = sorted_publishers (counts);
}

static void
build_extent (NhsChartModel  *self,
              NhsEventFilter *filter,
              gint64          from,
              gint64          to)
{
  GDateTime *filter_from = filter ? nhs_event_filter_get_from (filter) : NULL;
  GDateTime *filter_to = filter ? nhs_event_filter_get_to (filter) : NULL;

  if (from > to && !nhs_dataset_get_time_bounds (self->dataset, &from, &to))
    {
      /* an empty dataset: any year will do, as long as it is always the same */
      from = local_us (self->tz, 2023, 1, 1);
      to = local_us (self->tz, 2024, 1, 1);
    }
  from = month_floor (self->tz, from);
  to = month_ceil (self->tz, to);

  if (filter_from != NULL)
    from = local_us (self->tz, g_date_time_get_year (filter_from), g_date_time_get_month (filter_from),
                     g_date_time_get_day_of_month (filter_from));
  if (filter_to != NULL)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (filter_to, 1);
      to = local_us (self->tz, g_date_time_get_year (next), g_date_time_get_month (next),
                     g_date_time_get_day_of_month (next));
    }
  if (to - from < 7 * DAY_US)
    {
      gint64 mid = from / 2 + to / 2;
      from = mid - 7 * DAY_US / 2;
      to = mid + 7 * DAY_US / 2;
    }
  self->extent_from = from;
  self->extent_to = to;
}

/* GObject overrides */

static void
nhs_chart_model_finalize (GObject *object)
{
  NhsChartModel *self = NHS_CHART_MODEL (object);

  for (guint l = 0; self->lanes && l < self->lanes->len; l++)
    {
      NhsChartLane *lane = &g_array_index (self->lanes, NhsChartLane, l);
      g_array_unref (lane->bars);
      g_array_unref (lane->mandates);
      g_array_unref (lane->months);
      g_array_unref (lane->joints);
    }
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->stacks, g_array_unref);
  g_clear_pointer (&self->stack_days, g_free);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->pay_points, g_array_unref);
  g_clear_pointer (&self->navigable, g_ptr_array_unref);
  g_clear_pointer (&self->nav_index, g_hash_table_unref);
  g_clear_pointer (&self->publishers, g_strfreev);
  g_clear_pointer (&self->filter_description, g_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (nhs_chart_model_parent_class)->finalize (object);
}

static void
nhs_chart_model_class_init (NhsChartModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nhs_chart_model_finalize;
}

static void
nhs_chart_model_init (NhsChartModel *self)
{
  self->strikes_from = G_MAXINT64;
  self->strikes_to = G_MININT64;
  self->stacks = g_array_new (FALSE, FALSE, sizeof (NhsChartMonthStack));
  self->markers = g_array_new (FALSE, FALSE, sizeof (NhsChartMarker));
  self->steps = g_array_new (FALSE, FALSE, sizeof (NhsChartStep));
  self->pay_points = g_array_new (FALSE, FALSE, sizeof (NhsChartPayPoint));
  self->navigable = g_ptr_array_new ();
  self->nav_index = g_hash_table_new (NULL, NULL);
}

/* Public API */

NhsChartModel *
nhs_chart_model_new (NhsDataset     *dataset,
                     NhsEventFilter *filter)
{
  NhsChartModel *self;
  gint64 from = G_MAXINT64, to = G_MININT64;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GArray) totals = NULL;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (filter == NULL || NHS_IS_EVENT_FILTER (filter), NULL);

  self = g_object_new (NHS_TYPE_CHART_MODEL, NULL);
  self->dataset = g_object_ref (dataset);
  self->tz = g_time_zone_ref (nhs_dataset_get_timezone (dataset));

  months = nhs_stats_strike_days_by_month_all (self->dataset, filter, &totals);
  build_lanes (self, filter, totals);
  build_events (self, filter, &from, &to);
  build_months (self, months);
  build_stacks (self);
  build_pay (self, filter, &from, &to);
  sort_navigable (self);
  build_publishers (self);
  build_extent (self, filter, from, to);
  if (filter != NULL && !nhs_event_filter_is_empty (filter))
    self->filter_description = nhs_event_filter_describe (filter);
  return self;
}

NhsDataset *
nhs_chart_model_get_dataset (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return self->dataset;
}

GTimeZone *
nhs_chart_model_get_timezone (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return self->tz;
}

guint
nhs_chart_model_get_n_lanes (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), 0);
  return self->lanes->len;
}

const NhsChartLane *
nhs_chart_model_get_lane (NhsChartModel *self,
                          guint          lane)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);
  return &g_array_index (self->lanes, NhsChartLane, lane);
}

guint
nhs_chart_model_get_n_visible_lanes (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), 0);
  return self->n_visible;
}

GArray *
nhs_chart_model_get_month_stacks (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return self->stacks;
}

GArray *
nhs_chart_model_get_markers (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return self->markers;
}

GArray *
nhs_chart_model_get_steps (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return self->steps;
}

GArray *
nhs_chart_model_get_pay_points (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return self->pay_points;
}

void
nhs_chart_model_get_extent (NhsChartModel *self,
                            gint64        *from_us,
                            gint64        *to_us)
{
  g_return_if_fail (NHS_IS_CHART_MODEL (self));
  *from_us = self->extent_from;
  *to_us = self->extent_to;
}

guint
nhs_chart_model_get_max_month_total (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), 0);
  return self->max_month_total;
}

guint
nhs_chart_model_get_n_pay_left_out (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), 0);
  return self->n_pay_left_out;
}

double
nhs_chart_model_get_max_award (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), 0);
  return self->max_award;
}

guint
nhs_chart_model_get_n_navigable (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), 0);
  return self->navigable->len;
}

NhsEvent *
nhs_chart_model_get_navigable (NhsChartModel *self,
                               guint          position)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (position < self->navigable->len, NULL);
  return g_ptr_array_index (self->navigable, position);
}

int
nhs_chart_model_find_navigable (NhsChartModel *self,
                                NhsEvent      *event)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), -1);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->nav_index, event)) - 1;
}

const char *
nhs_chart_model_get_filter_description (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return self->filter_description;
}

const char * const *
nhs_chart_model_get_publishers (NhsChartModel *self)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);
  return (const char * const *) self->publishers;
}

static char *
format_local (GTimeZone  *tz,
              gint64      us,
              const char *format)
{
  g_autoptr(GDateTime) dt = nhs_time_zone_local (tz, us);

  return g_date_time_format (dt, format);
}

char *
nhs_chart_model_dup_summary (NhsChartModel *self)
{
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (NHS_IS_CHART_MODEL (self), NULL);

  if (self->strikes_from > self->strikes_to)
    return g_strdup (_("Strike days by group: no walkouts match the filter"));

  for (guint l = 0; l < self->lanes->len; l++)
    {
      NhsChartLane *lane = &g_array_index (self->lanes, NhsChartLane, l);
      const char *name = nhs_group_get_short_name (lane->group);

      if (!lane->visible)
        continue;
      if (parts->len)
        g_string_append (parts, "; ");
      if (lane->strike_days == 0)
        /* TRANSLATORS: a group in the chart summary, e.g. "SAS no walkouts" */
        g_string_append_printf (parts, _("%s no walkouts"), name);
      else
        {
          /* TRANSLATORS: a group in the chart summary, continued by
           * " in 14 walkouts": "Residents 59 days in 14 walkouts" */
          g_string_append_printf (parts, ngettext ("%s %u day", "%s %u days", lane->strike_days),
                                  name, lane->strike_days);
          g_string_append_printf (parts, ngettext (" in %u walkout", " in %u walkouts", lane->rounds),
                                  lane->rounds);
        }
    }

  /* TRANSLATORS: a month in the chart's summary, "March 2023"; see g_date_time_format() */
  first = format_local (self->tz, self->strikes_from, _("%B %Y"));
  last = format_local (self->tz, MAX (self->strikes_to - 1, self->strikes_from), _("%B %Y"));
  if (g_str_equal (first, last))
    /* TRANSLATORS: "Strike days by group, March 2023: Residents 3 days in 1 walkout" */
    return g_strdup_printf (_("Strike days by group, %s: %s"), first, parts->str);
  /* TRANSLATORS: "Strike days by group, March 2023 to December 2025: Residents …" */
  return g_strdup_printf (_("Strike days by group, %s to %s: %s"), first, last, parts->str);
}
