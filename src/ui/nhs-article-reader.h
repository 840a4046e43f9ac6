/* nhs-article-reader.h: the articles and the evidence in them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-dataset.h"

G_BEGIN_DECLS

#define NHS_TYPE_ARTICLE_READER (nhs_article_reader_get_type ())
G_DECLARE_FINAL_TYPE (NhsArticleReader, nhs_article_reader, NHS, ARTICLE_READER, GtkWidget)

GtkWidget  *nhs_article_reader_new            (void);
void        nhs_article_reader_set_dataset    (NhsArticleReader *self,
                                               NhsDataset       *dataset);
void        nhs_article_reader_show_article   (NhsArticleReader *self,
                                               NhsArticle       *article);
NhsArticle *nhs_article_reader_get_article    (NhsArticleReader *self);
/* Marks the article's quotes again after an edit added or took some */
void        nhs_article_reader_update_quotes  (NhsArticleReader *self);
/* Shows the evidence of the event, first its first article quote: opens the
 * article, scrolls to the quote and flashes it. NULL: no event. Nothing
 * happens when the event is already shown. */
void        nhs_article_reader_show_event     (NhsArticleReader *self,
                                               NhsEvent         *event);
NhsEvent   *nhs_article_reader_get_event      (NhsArticleReader *self);
/* Steps through the event's evidence; FALSE at either end */
gboolean    nhs_article_reader_show_evidence  (NhsArticleReader *self,
                                               guint             index);
NhsEvidence *nhs_article_reader_get_evidence  (NhsArticleReader *self);
/* Scrolls to the current evidence again, flashes it and focuses the text */
void        nhs_article_reader_reveal         (NhsArticleReader *self);
/* What cites the article changed (an edit): highlights it all again, and
 * shows the event's evidence again */
void        nhs_article_reader_refresh        (NhsArticleReader *self);
void        nhs_article_reader_focus_text     (NhsArticleReader *self);

/* Property "font-scale" (double, 0.5 to 3): the text size, bound to the
 * reader-font-scale setting. Signal "event-activated" (NhsEvent *event):
 * the person clicked a quote, or pressed Enter on one. */

/* The words selected in the article's body, exactly as the article has
 * them (the title and date above it left out); NULL when none are */
char       *nhs_article_reader_dup_selected_quote (NhsArticleReader *self);

G_END_DECLS
