/* nhs-review-panel.h: what was found in a new article, to accept or reject
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-article-reader.h"
#include "nhs-document.h"

G_BEGIN_DECLS

#define NHS_TYPE_REVIEW_PANEL (nhs_review_panel_get_type ())
G_DECLARE_FINAL_TYPE (NhsReviewPanel, nhs_review_panel, NHS, REVIEW_PANEL, GtkWidget)

/* The reader whose text shows the sentences of the candidates */
void        nhs_review_panel_set_reader      (NhsReviewPanel   *self,
                                              NhsArticleReader *reader);

/* Finds the candidates in the article (one of the document's) and shows
 * them, and the panel; the sentences are highlighted while the reader
 * shows the article. The panel hides when closed, or when the article
 * leaves the dataset (its addition undone). */
void        nhs_review_panel_review          (NhsReviewPanel   *self,
                                              NhsDocument      *document,
                                              NhsArticle       *article);
void        nhs_review_panel_close           (NhsReviewPanel   *self);
NhsArticle *nhs_review_panel_get_article     (NhsReviewPanel   *self);

/* The candidates still to review */
guint       nhs_review_panel_get_n_pending   (NhsReviewPanel   *self);
/* The description its row shows ("Strike · Resident doctors · …") and its
 * quote; NULL past the end */
const char *nhs_review_panel_get_description (NhsReviewPanel   *self,
                                              guint             index);
const char *nhs_review_panel_get_quote       (NhsReviewPanel   *self,
                                              guint             index);
/* What the row's Accept (edit FALSE) or Edit (TRUE) button does: one
 * undoable step, then the row goes. FALSE, the row kept and the reason
 * shown in the panel, when the document refuses it. Signal
 * "item-accepted" (NhsEvent *event, gboolean edit) follows an event's
 * success; a figure (which Edit does not take) has none. */
gboolean    nhs_review_panel_accept          (NhsReviewPanel   *self,
                                              guint             index,
                                              gboolean          edit);
void        nhs_review_panel_reject          (NhsReviewPanel   *self,
                                              guint             index);

G_END_DECLS
