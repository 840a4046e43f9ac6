/* nhs-dataset.h: a loaded dataset
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-model.h"

G_BEGIN_DECLS

#define NHS_TYPE_DATASET (nhs_dataset_get_type ())
G_DECLARE_FINAL_TYPE (NhsDataset, nhs_dataset, NHS, DATASET, GObject)

const char   *nhs_dataset_get_title        (NhsDataset *self);
const char   *nhs_dataset_get_description  (NhsDataset *self);
GDateTime    *nhs_dataset_get_updated      (NhsDataset *self);
const char   *nhs_dataset_get_timezone_id  (NhsDataset *self);
GTimeZone    *nhs_dataset_get_timezone     (NhsDataset *self);
/* where it was loaded from: NULL for the bundled dataset or bytes */
GFile        *nhs_dataset_get_file         (NhsDataset *self);
/* "nhs-dispute.json", or a resource name */
const char   *nhs_dataset_get_display_name (NhsDataset *self);
gboolean      nhs_dataset_is_bundled       (NhsDataset *self);

/* GListModels of NhsGroup, NhsSource, NhsArticle, NhsEvent (ordered by start,
 * then end, then id) and NhsFigure (ordered by date). Owned by the dataset. */
GListModel   *nhs_dataset_get_groups       (NhsDataset *self);
GListModel   *nhs_dataset_get_sources      (NhsDataset *self);
GListModel   *nhs_dataset_get_articles     (NhsDataset *self);
GListModel   *nhs_dataset_get_events       (NhsDataset *self);
GListModel   *nhs_dataset_get_figures      (NhsDataset *self);

guint         nhs_dataset_get_n_events     (NhsDataset *self);
/* borrowed, no new reference: fast access for loops */
NhsEvent     *nhs_dataset_get_event        (NhsDataset *self,
                                            guint       position);

NhsGroup     *nhs_dataset_lookup_group     (NhsDataset *self, const char *id);
NhsSource    *nhs_dataset_lookup_source    (NhsDataset *self, const char *id);
NhsArticle   *nhs_dataset_lookup_article   (NhsDataset *self, const char *id);
NhsEvent     *nhs_dataset_lookup_event     (NhsDataset *self, const char *id);
NhsFigure    *nhs_dataset_lookup_figure    (NhsDataset *self, const char *id);

/* The events and figures (GObject) that cite the article, in dataset order.
 * Never NULL. */
GPtrArray    *nhs_dataset_get_citations    (NhsDataset *self,
                                            NhsArticle *article);
/* Every NhsEvidence quoting the article, in order of quote_start */
GPtrArray    *nhs_dataset_get_article_quotes (NhsDataset *self,
                                              NhsArticle *article);

/* Earliest start and latest end of all events, UTC microseconds; FALSE when
 * there are no events. */
gboolean      nhs_dataset_get_time_bounds  (NhsDataset *self,
                                            gint64     *start_us,
                                            gint64     *end_us);

/* A thread other than the main one reads the dataset between these: an
 * edit (NhsDocument, on the main thread) waits for it, and it for an edit */
void          nhs_dataset_read_lock        (NhsDataset *self);
void          nhs_dataset_read_unlock      (NhsDataset *self);

G_END_DECLS
