/* nhs-briefing-private.h: what a briefing says, shared by its three writers
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-briefing.h"
#include "nhs-chart-export.h"

G_BEGIN_DECLS

/* A source or article cited somewhere in the briefing, numbered in the
 * order the document first cites it */
typedef struct
{
  guint      number;
  GObject   *item;         /* NhsArticle or NhsSource, borrowed */
  const char *title;       /* borrowed; any of these may be NULL */
  const char *publisher;
  const char *url;
  char      *date;         /* "25 January 2024" or NULL */
} NhsBriefingRef;

/* One row of the key numbers: a group the filter shows */
typedef struct
{
  NhsGroup  *group;        /* borrowed */
  guint      rounds;
  guint      strike_days;
  guint      strikes;      /* strike events counted */
  GPtrArray *awards;       /* NhsFigure: the latest award's figures */
  GPtrArray *claims;       /* NhsFigure: every pay claim */
} NhsBriefingRow;

typedef struct
{
  NhsDataset     *dataset;
  NhsEventFilter *filter;
  NhsBriefingOptions options;
  GPtrArray      *events;     /* NhsEvent, borrowed, date order */
  GArray         *rows;       /* NhsBriefingRow */
  GPtrArray      *refs;       /* NhsBriefingRef, by number */
  GHashTable     *ref_by_item;
  char           *title;      /* "Briefing: <dataset title>" */
  char           *coverage;   /* "Events from … to …, data as of …." */
  char           *filter_text; /* "Shown: …" or NULL */
  char           *created;    /* "Made on 5 December 2026 with …" */
  char           *chart_caption;
} NhsBriefing;

NhsBriefing *nhs_briefing_new             (NhsDataset               *dataset,
                                           NhsEventFilter           *filter,
                                           const NhsBriefingOptions *options);
void         nhs_briefing_free            (NhsBriefing *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhsBriefing, nhs_briefing_free)

guint        nhs_briefing_ref_number      (NhsBriefing *self,
                                           NhsEvidence *evidence);
/* "20 July 2023, 07:00 – 22 July 2023, 07:00" */
char        *nhs_briefing_dup_event_dates (NhsEvent *event);
/* "Strike · Consultants, Residents · 2 strike days" (status when not happened) */
char        *nhs_briefing_dup_event_meta  (NhsEvent *event);
/* "Title, Publisher, 25 January 2024": what the evidence cites */
char        *nhs_briefing_dup_citation    (NhsEvidence *evidence);
/* "6% headline, 2025/26 (government)" */
char        *nhs_briefing_dup_figure      (NhsFigure *figure);
/* Reference numbers of the figures' evidence, "[3, 4]", or NULL */
char        *nhs_briefing_dup_figure_refs (NhsBriefing *self,
                                           GPtrArray   *figures);
/* Each figure with its references, joined by separator; "none in the data"
 * when there is none */
char        *nhs_briefing_dup_figures     (NhsBriefing *self,
                                           GPtrArray   *figures,
                                           const char  *separator);
char        *nhs_briefing_format_day      (GDateTime *date);

/* Appends text to out, escaped as the format needs */
typedef void (*NhsBriefingAppendFunc) (GString    *out,
                                       const char *text);
/* A reference as every format writes it, "Title. Publisher, 5 June 2024.",
 * each part of it through append */
void         nhs_briefing_append_ref      (GString               *out,
                                           const NhsBriefingRef  *ref,
                                           NhsBriefingAppendFunc  append);

/* The chart of the events shown, as the export draws it, at this size in
 * logical pixels */
void         nhs_briefing_chart_options   (NhsBriefing           *self,
                                           NhsChartExportOptions *options,
                                           int                    width,
                                           int                    height);

GBytes      *nhs_briefing_write_pdf       (NhsBriefing *self,
                                           GError     **error);

G_END_DECLS
