/* nhs-model.h: the objects a dataset is made of
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every object is immutable once the loader has built it; each field is a
 * read-only GObject property so the GUI can bind to it. Times are GDateTime
 * in the dataset's time zone.
 */
#pragma once

#include <gio/gio.h>

#include "nhs-types.h"
#include "nhs-enums.h"

G_BEGIN_DECLS

#define NHS_TYPE_GROUP (nhs_group_get_type ())
G_DECLARE_FINAL_TYPE (NhsGroup, nhs_group, NHS, GROUP, GObject)

const char   *nhs_group_get_id          (NhsGroup *self);
const char   *nhs_group_get_name        (NhsGroup *self);
/* short name, falling back to the name */
const char   *nhs_group_get_short_name  (NhsGroup *self);
/* "#rrggbb" or NULL when the dataset gives none */
const char   *nhs_group_get_color       (NhsGroup *self);
guint         nhs_group_get_index       (NhsGroup *self);
/* TRUE for what a group id may be: lower-case ASCII letters, digits and
 * "-", at least one */
gboolean      nhs_group_id_is_valid     (const char *id);

#define NHS_TYPE_SOURCE (nhs_source_get_type ())
G_DECLARE_FINAL_TYPE (NhsSource, nhs_source, NHS, SOURCE, GObject)

const char   *nhs_source_get_id         (NhsSource *self);
const char   *nhs_source_get_title      (NhsSource *self);
const char   *nhs_source_get_publisher  (NhsSource *self);
const char   *nhs_source_get_url        (NhsSource *self);
GDateTime    *nhs_source_get_published  (NhsSource *self);
NhsSourceKind nhs_source_get_kind       (NhsSource *self);

#define NHS_TYPE_ARTICLE (nhs_article_get_type ())
G_DECLARE_FINAL_TYPE (NhsArticle, nhs_article, NHS, ARTICLE, GObject)

const char   *nhs_article_get_id          (NhsArticle *self);
const char   *nhs_article_get_title       (NhsArticle *self);
const char   *nhs_article_get_publisher   (NhsArticle *self);
const char   *nhs_article_get_url         (NhsArticle *self);
GDateTime    *nhs_article_get_published   (NhsArticle *self);
const char   *nhs_article_get_description (NhsArticle *self);
const char   *nhs_article_get_body        (NhsArticle *self);
guint         nhs_article_get_index       (NhsArticle *self);

#define NHS_TYPE_EVIDENCE (nhs_evidence_get_type ())
G_DECLARE_FINAL_TYPE (NhsEvidence, nhs_evidence, NHS, EVIDENCE, GObject)

/* exactly one of article and source is set */
NhsArticle   *nhs_evidence_get_article     (NhsEvidence *self);
NhsSource    *nhs_evidence_get_source      (NhsEvidence *self);
/* the publisher of the article or the source, or NULL */
const char   *nhs_evidence_get_publisher   (NhsEvidence *self);
const char   *nhs_evidence_get_quote       (NhsEvidence *self);
const char   *nhs_evidence_get_note        (NhsEvidence *self);
/* Where the quote stands in the article body, in characters (not bytes),
 * end exclusive; -1 when the evidence is not an article quote. */
int           nhs_evidence_get_quote_start (NhsEvidence *self);
int           nhs_evidence_get_quote_end   (NhsEvidence *self);
/* the NhsEvent or NhsFigure that cites this evidence (not a reference) */
GObject      *nhs_evidence_get_owner       (NhsEvidence *self);

#define NHS_TYPE_EVENT (nhs_event_get_type ())
G_DECLARE_FINAL_TYPE (NhsEvent, nhs_event, NHS, EVENT, GObject)

const char    *nhs_event_get_id            (NhsEvent *self);
NhsEventKind   nhs_event_get_kind          (NhsEvent *self);
NhsEventStatus nhs_event_get_status        (NhsEvent *self);
const char    *nhs_event_get_title         (NhsEvent *self);
const char    *nhs_event_get_summary       (NhsEvent *self);
const char    *nhs_event_get_outcome       (NhsEvent *self);
/* GPtrArray of NhsGroup, never empty */
GPtrArray     *nhs_event_get_groups        (NhsEvent *self);
gboolean       nhs_event_has_group         (NhsEvent *self,
                                            NhsGroup *group);
/* group short names joined by ", " */
char          *nhs_event_dup_groups_label  (NhsEvent *self);
GDateTime     *nhs_event_get_start         (NhsEvent *self);
/* NULL when the dataset gives no end */
GDateTime     *nhs_event_get_end           (NhsEvent *self);
gboolean       nhs_event_get_start_is_date (NhsEvent *self);
gboolean       nhs_event_get_end_is_date   (NhsEvent *self);
/* The interval the event covers, as UTC microseconds, end exclusive: a
 * date-only end runs to the end of that day, no end means one day for a
 * date-only start and an instant otherwise. */
gint64         nhs_event_get_start_us      (NhsEvent *self);
gint64         nhs_event_get_end_us        (NhsEvent *self);
/* Local wall-clock minutes since 1970-01-01 00:00 (the strike-day clock) */
gint64         nhs_event_get_start_wall    (NhsEvent *self);
gint64         nhs_event_get_end_wall      (NhsEvent *self);
/* ceil(hours / 24), at least 1, for strikes; 0 for every other kind */
guint          nhs_event_get_strike_days   (NhsEvent *self);
const char * const *nhs_event_get_tags     (NhsEvent *self);
gboolean       nhs_event_has_tag           (NhsEvent *self,
                                            const char *tag);
/* GPtrArray of NhsEvidence, possibly empty */
GPtrArray     *nhs_event_get_evidence      (NhsEvent *self);
guint          nhs_event_get_index         (NhsEvent *self);
/* Case-folded text the search matches against: title, summary, outcome,
 * evidence quotes, group names and the kind. Built on first use. */
const char    *nhs_event_get_search_text   (NhsEvent *self);

#define NHS_TYPE_FIGURE (nhs_figure_get_type ())
G_DECLARE_FINAL_TYPE (NhsFigure, nhs_figure, NHS, FIGURE, GObject)

const char     *nhs_figure_get_id        (NhsFigure *self);
NhsFigureMetric nhs_figure_get_metric    (NhsFigure *self);
NhsGroup       *nhs_figure_get_group     (NhsFigure *self);
GDateTime      *nhs_figure_get_date      (NhsFigure *self);
const char     *nhs_figure_get_period    (NhsFigure *self);
double          nhs_figure_get_value     (NhsFigure *self);
NhsFigureUnit   nhs_figure_get_unit      (NhsFigure *self);
const char     *nhs_figure_get_basis     (NhsFigure *self);
const char     *nhs_figure_get_claimant  (NhsFigure *self);
const char     *nhs_figure_get_label     (NhsFigure *self);
NhsEvent       *nhs_figure_get_event     (NhsFigure *self);
GPtrArray      *nhs_figure_get_evidence  (NhsFigure *self);
/* "stated", "inferred" …; NULL when the dataset does not say */
const char     *nhs_figure_get_confidence (NhsFigure *self);
gboolean        nhs_figure_is_inferred   (NhsFigure *self);
/* An award's headline and cash element as stated: "6% + £1,250" */
const char     *nhs_figure_get_headline  (NhsFigure *self);
/* An offer's nature: "total", "top-up" or "investment" (NULL: total) */
const char     *nhs_figure_get_nature    (NhsFigure *self);
/* The id of the figure a top-up adds to, or NULL */
const char     *nhs_figure_get_adds_to   (NhsFigure *self);
/* "8.8%", "£1.7 billion", "1,300,000" */
char           *nhs_figure_format_value  (NhsFigure *self);

G_END_DECLS
