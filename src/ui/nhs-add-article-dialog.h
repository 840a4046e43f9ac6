/* nhs-add-article-dialog.h: Add Article, what was found, to check first
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-article-import.h"

G_BEGIN_DECLS

#define NHS_TYPE_ADD_ARTICLE_DIALOG (nhs_add_article_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NhsAddArticleDialog, nhs_add_article_dialog, NHS, ADD_ARTICLE_DIALOG, GtkWindow)

/* Shows what the import found in an article (from origin: "page.html",
 * "the clipboard"): title, publisher, publication date and address to
 * correct, and the paragraphs, each with a check box. Signal "add" (no
 * arguments): the person pressed Add Article, and the fields are valid;
 * the dialog stays until the one who listens closes it (or shows why it
 * cannot, with set_problem). */
NhsAddArticleDialog *nhs_add_article_dialog_new         (GtkWindow                *parent,
                                                         const NhsImportedArticle *found,
                                                         const char               *origin);

/* The article as corrected: the fields as typed (publication date as
 * YYYY-MM-DD), the body the ticked paragraphs, unchanged, one a line */
NhsImportedArticle  *nhs_add_article_dialog_get_article (NhsAddArticleDialog      *self);

/* A reason shown above the paragraphs (NULL hides it) */
void                 nhs_add_article_dialog_set_problem (NhsAddArticleDialog      *self,
                                                         const char               *problem);

/* For tests: the check box of paragraph index, NULL past the last */
GtkCheckButton      *nhs_add_article_dialog_get_paragraph_check (NhsAddArticleDialog *self,
                                                                 guint                index);
GtkEditable         *nhs_add_article_dialog_get_field   (NhsAddArticleDialog      *self,
                                                         const char               *name);

G_END_DECLS
