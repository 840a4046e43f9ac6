/* nhs-catalog-inspector.h: the inspector's page for groups and sources
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-document-items.h"

G_BEGIN_DECLS

#define NHS_TYPE_CATALOG_INSPECTOR (nhs_catalog_inspector_get_type ())
G_DECLARE_FINAL_TYPE (NhsCatalogInspector, nhs_catalog_inspector, NHS, CATALOG_INSPECTOR, GtkWidget)

GtkWidget   *nhs_catalog_inspector_new          (void);
void         nhs_catalog_inspector_set_document (NhsCatalogInspector *self,
                                                 NhsDocument         *document);
/* Selects the source in the page's list of sources (NULL: none) */
void         nhs_catalog_inspector_set_source   (NhsCatalogInspector *self,
                                                 NhsSource           *source);

/* For the tests: the field's widget (a GtkEntry, or a GtkDropDown for a
 * source's kind) and the reason shown under it (NULL when none); for a
 * group, the one at index in the dataset */
GtkWidget   *nhs_catalog_inspector_get_group_widget  (NhsCatalogInspector *self,
                                                      guint                index,
                                                      NhsGroupField        field);
const char  *nhs_catalog_inspector_get_group_message (NhsCatalogInspector *self,
                                                      guint                index,
                                                      NhsGroupField        field);
GtkWidget   *nhs_catalog_inspector_get_source_widget (NhsCatalogInspector *self,
                                                      NhsSourceField       field);
const char  *nhs_catalog_inspector_get_source_message (NhsCatalogInspector *self,
                                                       NhsSourceField       field);

/* Selects the article in the page's list of articles and presses its
 * Delete Article button; the reason it shows when it is refused, or NULL */
const char  *nhs_catalog_inspector_delete_article     (NhsCatalogInspector *self,
                                                       NhsArticle          *article);

G_END_DECLS
