/* nhs-article-rows.h: the rows of the reader's list of articles
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-article-reader.h"

G_BEGIN_DECLS

GtkListItemFactory *nhs_article_rows_factory_new (NhsArticleReader *reader);

G_END_DECLS
