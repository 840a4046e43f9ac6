/* nhs-article-reader-private.h: what the window and its tests reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-article-reader.h"

G_BEGIN_DECLS

/* The articles listed: the first @limit only, or all (G_MAXUINT) */
void         _nhs_article_reader_limit_articles        (NhsArticleReader *self,
                                                        guint             limit);
guint        _nhs_article_reader_get_n_listed          (NhsArticleReader *self);
NhsDataset  *_nhs_article_reader_get_dataset           (NhsArticleReader *self);

GtkTextView *nhs_article_reader_get_text_view          (NhsArticleReader *self);
/* Where the article's body starts in the buffer (after title and date) */
int          nhs_article_reader_get_body_offset        (NhsArticleReader *self);
/* What a click at this buffer offset does; FALSE when no quote is there */
gboolean     nhs_article_reader_activate_at_offset     (NhsArticleReader *self,
                                                        int               offset);
GtkEditable *nhs_article_reader_get_find_entry         (NhsArticleReader *self);
GtkLabel    *nhs_article_reader_get_find_count_label   (NhsArticleReader *self);
GtkLabel    *nhs_article_reader_get_source_title_label (NhsArticleReader *self);
GtkWidget   *nhs_article_reader_get_open_link_button   (NhsArticleReader *self);
GtkWidget   *nhs_article_reader_get_copy_link_button   (NhsArticleReader *self);
GtkWidget   *nhs_article_reader_get_evidence_button    (NhsArticleReader *self,
                                                        gboolean          next);
GtkLabel    *nhs_article_reader_get_evidence_count_label (NhsArticleReader *self);
/* Whether the article's text shows (not a source card alone, not the
 * empty state) */
gboolean     nhs_article_reader_shows_text             (NhsArticleReader *self);

G_END_DECLS
