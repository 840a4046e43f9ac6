/* nhs-types.h: enumerations and forward declarations of the core model
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _NhsArticle       NhsArticle;
typedef struct _NhsDataset       NhsDataset;
typedef struct _NhsEvent         NhsEvent;
typedef struct _NhsEventFilter   NhsEventFilter;
typedef struct _NhsEvidence      NhsEvidence;
typedef struct _NhsFigure        NhsFigure;
typedef struct _NhsGroup         NhsGroup;
typedef struct _NhsSource        NhsSource;

/* The enum nicks are the strings of the dataset format (glib-mkenums derives
 * them from the value names: NHS_EVENT_KIND_PAY_AWARD is "pay-award"). */

/* NhsEventKind, NHS_EVENT_KIND_N: from the table of kinds */
#include "nhs-event-kinds.h"

GType nhs_event_kind_get_type (void) G_GNUC_CONST;
#define NHS_TYPE_EVENT_KIND (nhs_event_kind_get_type ())

#define NHS_EVENT_KIND_MASK(kind) (1u << (kind))
#define NHS_EVENT_KIND_MASK_ALL ((1u << NHS_EVENT_KIND_N) - 1)

typedef enum {
  NHS_EVENT_STATUS_HAPPENED,
  NHS_EVENT_STATUS_ANNOUNCED,
  NHS_EVENT_STATUS_CALLED_OFF,
} NhsEventStatus;

typedef enum {
  NHS_FIGURE_METRIC_PAY_AWARD,
  NHS_FIGURE_METRIC_PAY_OFFER,
  NHS_FIGURE_METRIC_PAY_CLAIM,
  NHS_FIGURE_METRIC_REAL_TERMS_PAY_CHANGE,
  NHS_FIGURE_METRIC_VOTE_SHARE,
  NHS_FIGURE_METRIC_TURNOUT,
  NHS_FIGURE_METRIC_APPOINTMENTS_RESCHEDULED,
  NHS_FIGURE_METRIC_COST,
  NHS_FIGURE_METRIC_OTHER,
} NhsFigureMetric;

typedef enum {
  NHS_FIGURE_UNIT_PERCENT,
  NHS_FIGURE_UNIT_GBP,
  NHS_FIGURE_UNIT_COUNT,
  NHS_FIGURE_UNIT_DAYS,
} NhsFigureUnit;

typedef enum {
  NHS_SOURCE_KIND_UNION,
  NHS_SOURCE_KIND_GOVERNMENT,
  NHS_SOURCE_KIND_NHS,
  NHS_SOURCE_KIND_NEWS,
  NHS_SOURCE_KIND_OFFICIAL_STATISTICS,
  NHS_SOURCE_KIND_PARLIAMENT,
  NHS_SOURCE_KIND_OTHER,
} NhsSourceKind;

/* Same values as GtkFilterChange, so the GUI can pass the hint straight on. */
typedef enum {
  NHS_FILTER_CHANGE_DIFFERENT,
  NHS_FILTER_CHANGE_LESS_STRICT,
  NHS_FILTER_CHANGE_MORE_STRICT,
} NhsFilterChange;

/* Look up an enum value by its nick (the dataset string); FALSE if unknown. */
gboolean     nhs_enum_from_nick (GType       enum_type,
                                 const char *nick,
                                 int        *value);
const char  *nhs_enum_to_nick   (GType       enum_type,
                                 int         value);

/* Human-readable, translatable labels */
const char  *nhs_event_kind_to_label    (NhsEventKind    kind);
/* Every kind's nick, as "strike, ballot, …, other" */
char        *nhs_event_kind_list_nicks  (void);
const char  *nhs_event_kind_to_icon_name (NhsEventKind   kind);
/* The name of the chart's row of markers the kind is drawn in ("Ballots"),
 * or NULL for a kind drawn in none */
const char  *nhs_event_kind_to_chart_row (NhsEventKind   kind);
const char  *nhs_event_status_to_label  (NhsEventStatus  status);
const char  *nhs_figure_metric_to_label (NhsFigureMetric metric);

/* The entries of the kind menu, in order: "all" (every kind), then one
 * for each menu entry of the table of kinds. Their nicks are the values of
 * the "filter-kinds" settings key. */
guint        nhs_kind_choice_get_n_choices (void);
guint        nhs_kind_choice_get_mask      (guint        choice);
const char  *nhs_kind_choice_get_nick      (guint        choice);
/* translated */
const char  *nhs_kind_choice_get_label     (guint        choice);
/* The choice a kind mask stands for; 0 (all kinds) for any other mask */
guint        nhs_kind_choice_from_mask     (guint        mask);
/* The choice with this nick; 0 (all kinds) for an unknown one */
guint        nhs_kind_choice_from_nick     (const char  *nick);

G_END_DECLS
