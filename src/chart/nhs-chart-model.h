/* nhs-chart-model.h: what the chart shows, computed from a dataset and a filter
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is built once per dataset or filter change and is immutable
 * afterwards: the renderer only reads it, so drawing (on screen, when
 * zooming, or for an export) never walks the dataset again. Times are UTC
 * microseconds; intervals are end exclusive.
 */
#pragma once

#include <glib-object.h>

#include "nhs-dataset.h"
#include "nhs-event-filter.h"
#include "nhs-stats.h"

G_BEGIN_DECLS

typedef enum {
  NHS_CHART_MODE_TIMELINE,
  NHS_CHART_MODE_MONTHLY,
} NhsChartMode;

#define NHS_TYPE_CHART_MODE (nhs_chart_mode_get_type ())
GType nhs_chart_mode_get_type (void);

/* One walkout in one group's lane; a joint walkout has a bar in each lane */
typedef struct
{
  NhsEvent      *event;       /* borrowed */
  gint64         start_us;
  gint64         end_us;
  guint          days;
  guint          n_groups;    /* > 1 for a joint walkout */
  NhsEventStatus status;
  /* the first and last lanes shown of the event's groups: a joint walkout
   * spans them */
  guint          first_lane;
  guint          last_lane;
} NhsChartBar;

/* A strike mandate: a ballot event tagged "mandate", from result to expiry */
typedef struct
{
  NhsEvent *event;
  gint64    start_us;
  gint64    end_us;
} NhsChartSpan;

/* One calendar month of a group's strike days (from nhs-stats) */
typedef struct
{
  int    year;
  int    month;
  gint64 start_us;            /* local midnight on the 1st */
  gint64 end_us;              /* the next month's start */
  guint  days;
  /* the part of the month the group's walkouts cover, for the cumulative
   * line: it rises over the walkouts, not over the whole month */
  gint64 first_us;
  gint64 last_us;
} NhsChartMonth;

typedef struct
{
  NhsGroup *group;            /* borrowed */
  guint     index;            /* the group's position in the dataset */
  gboolean  visible;          /* enabled in the filter */
  GArray   *bars;             /* NhsChartBar, by start */
  GArray   *mandates;         /* NhsChartSpan, by start */
  GArray   *months;           /* NhsChartMonth, in order, only months with days */
  GArray   *joints;           /* guint: the bars of joint walkouts shown across
                               * lanes whose first lane this is */
  gint64    max_bar_us;       /* the longest bar, to find bars by time */
  /* from nhs_stats_strike_totals() */
  guint     strike_days;
  guint     rounds;
} NhsChartLane;

/* Months of all groups together, for the stacked monthly view */
typedef struct
{
  int    year;
  int    month;
  gint64 start_us;
  gint64 end_us;
  guint  total;
  guint *days;                /* per lane, n_lanes entries */
} NhsChartMonthStack;

typedef struct
{
  NhsEvent          *event;
  NhsEventKind       kind;    /* a kind with a chart row (nhs-event-kinds.h) */
  gint64             start_us;
  gint64             end_us;
  int                lane;    /* the first visible group's lane */
} NhsChartMarker;

/* A pay award for one group and one pay year, drawn as a step */
typedef struct
{
  NhsFigure *figure;          /* the award plotted: the average where there is one */
  gint64     start_us;        /* 1 April of the pay year */
  gint64     end_us;          /* 1 April of the next */
  gint64     announced_us;    /* the figure's date: before it, the award was backdated */
  int        pay_year;        /* 2023 for 2023/24 */
  double     value;
  int        lane;
  /* a later award for the same year (a top-up agreed afterwards), or NULL:
   * the line moves to its value on its date */
  NhsFigure *revision;
  gint64     revised_us;
} NhsChartStep;

typedef enum {
  NHS_CHART_OFFER_TOTAL,      /* a whole rise, at its level */
  NHS_CHART_OFFER_TOP_UP,     /* extra on top of base */
  NHS_CHART_OFFER_INVESTMENT, /* a share of the pay bill, not a rise */
} NhsChartOfferNature;

/* A pay offer or claim, drawn as a marker at its date */
typedef struct
{
  NhsFigure      *figure;
  NhsFigureMetric metric;     /* PAY_OFFER or PAY_CLAIM */
  gint64          time_us;
  double          value;      /* where it is drawn: a top-up's base plus the top-up */
  int             lane;       /* -1 when the figure names no group */
  NhsChartOfferNature nature;
  double          base;       /* what a top-up adds to; 0 otherwise */
} NhsChartPayPoint;

#define NHS_TYPE_CHART_MODEL (nhs_chart_model_get_type ())
G_DECLARE_FINAL_TYPE (NhsChartModel, nhs_chart_model, NHS, CHART_MODEL, GObject)

/* filter may be NULL: everything */
NhsChartModel *nhs_chart_model_new              (NhsDataset    *dataset,
                                                 NhsEventFilter *filter);

NhsDataset    *nhs_chart_model_get_dataset      (NhsChartModel *self);
GTimeZone     *nhs_chart_model_get_timezone     (NhsChartModel *self);

/* One lane per group of the dataset, in dataset order, hidden ones too */
guint          nhs_chart_model_get_n_lanes      (NhsChartModel *self);
const NhsChartLane *nhs_chart_model_get_lane    (NhsChartModel *self,
                                                 guint          lane);
guint          nhs_chart_model_get_n_visible_lanes (NhsChartModel *self);

/* NhsChartMonthStack, in order */
GArray        *nhs_chart_model_get_month_stacks (NhsChartModel *self);
/* NhsChartMarker, by start */
GArray        *nhs_chart_model_get_markers      (NhsChartModel *self);
/* NhsChartStep, by lane then pay year */
GArray        *nhs_chart_model_get_steps        (NhsChartModel *self);
/* NhsChartPayPoint, by date */
GArray        *nhs_chart_model_get_pay_points   (NhsChartModel *self);

/* The range shown by default: the filter's dates, or the months the drawn
 * events and figures cover. Always a non-empty interval. */
void           nhs_chart_model_get_extent       (NhsChartModel *self,
                                                 gint64        *from_us,
                                                 gint64        *to_us);
guint          nhs_chart_model_get_max_month_total (NhsChartModel *self);
/* The largest among awards and offers, claims left out: the scale the pay
 * panel gives most of its height */
double         nhs_chart_model_get_max_award    (NhsChartModel *self);
/* Pay figures a search or a choice of kinds left out: those of events it
 * hides, and those that belong to no event */
guint          nhs_chart_model_get_n_pay_left_out (NhsChartModel *self);

/* The events drawn (strikes, mandates, markers, pay awards behind a step), in
 * dataset order: what Left and Right step through */
guint          nhs_chart_model_get_n_navigable  (NhsChartModel *self);
NhsEvent      *nhs_chart_model_get_navigable    (NhsChartModel *self,
                                                 guint          position);
/* position of event among the navigable ones, or -1 */
int            nhs_chart_model_find_navigable   (NhsChartModel *self,
                                                 NhsEvent      *event);

/* nhs_event_filter_describe() of the filter, or NULL when it is empty */
const char    *nhs_chart_model_get_filter_description (NhsChartModel *self);

/* Publishers behind the evidence of what is shown, most cited first */
const char * const *nhs_chart_model_get_publishers (NhsChartModel *self);

/* "Strike days by group, March 2023 to December 2025: Residents 59 days in 14
 * walkouts; Consultants 9 days in 4 walkouts" */
char          *nhs_chart_model_dup_summary      (NhsChartModel *self);

G_END_DECLS
