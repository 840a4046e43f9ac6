/* nhs-document-items.h: editing a document's figures, groups, sources and
 * articles
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-document.h"

G_BEGIN_DECLS

typedef enum {
  NHS_FIGURE_FIELD_METRIC,
  NHS_FIGURE_FIELD_VALUE,
  NHS_FIGURE_FIELD_UNIT,
  NHS_FIGURE_FIELD_GROUP,
  NHS_FIGURE_FIELD_DATE,
  NHS_FIGURE_FIELD_PERIOD,
  NHS_FIGURE_FIELD_BASIS,
  NHS_FIGURE_FIELD_CLAIMANT,
  NHS_FIGURE_FIELD_LABEL,
  NHS_FIGURE_FIELD_EVENT,
} NhsFigureField;

#define NHS_FIGURE_FIELD_N (NHS_FIGURE_FIELD_EVENT + 1)

typedef enum {
  NHS_GROUP_FIELD_NAME,
  NHS_GROUP_FIELD_SHORT_NAME,
  NHS_GROUP_FIELD_COLOR,
} NhsGroupField;

#define NHS_GROUP_FIELD_N (NHS_GROUP_FIELD_COLOR + 1)

typedef enum {
  NHS_SOURCE_FIELD_TITLE,
  NHS_SOURCE_FIELD_PUBLISHER,
  NHS_SOURCE_FIELD_URL,
  NHS_SOURCE_FIELD_PUBLISHED,
  NHS_SOURCE_FIELD_KIND,
} NhsSourceField;

#define NHS_SOURCE_FIELD_N (NHS_SOURCE_FIELD_KIND + 1)

/* the field's key in the dataset format ("value", "color", "url") */
const char  *nhs_figure_field_to_key     (NhsFigureField field);
const char  *nhs_group_field_to_key      (NhsGroupField  field);
const char  *nhs_source_field_to_key     (NhsSourceField field);

/* Each sets a member of the item (value NULL: removes it), as one undo
 * step named for the field ("Change of Value"), when the item so changed
 * passes the loader's rules for it; otherwise it changes nothing and
 * says why with the loader's message (and, for a figure, *fail_key set
 * to the key of the member at fault). The item stays the same object,
 * changed in place; its list (nhs_dataset_get_figures () and so on) emits
 * items-changed for its position. Setting the value it has is no edit.
 * value is copied. */
gboolean     nhs_document_set_figure     (NhsDocument       *self,
                                          NhsFigure         *figure,
                                          NhsFigureField     field,
                                          const NhsJsonItem *value,
                                          char             **fail_key,
                                          GError           **error);
gboolean     nhs_document_set_group      (NhsDocument       *self,
                                          NhsGroup          *group,
                                          NhsGroupField      field,
                                          const NhsJsonItem *value,
                                          GError           **error);
gboolean     nhs_document_set_source     (NhsDocument       *self,
                                          NhsSource         *source,
                                          NhsSourceField     field,
                                          const NhsJsonItem *value,
                                          GError           **error);
/* The item's member as the file holds it; NULL when absent */
const NhsJsonItem *nhs_document_get_figure_member (NhsDocument *self,
                                                   NhsFigure   *figure,
                                                   const char  *key);
const NhsJsonItem *nhs_document_get_group_member  (NhsDocument *self,
                                                   NhsGroup    *group,
                                                   const char  *key);
const NhsJsonItem *nhs_document_get_source_member (NhsDocument *self,
                                                   NhsSource   *source,
                                                   const char  *key);

/* A new figure (metric "other", 0, a count, dated date "YYYY-MM-DD"),
 * last in the file. Returns it, owned by the dataset. */
NhsFigure   *nhs_document_add_figure     (NhsDocument  *self,
                                          const char   *date,
                                          GError      **error);
/* A copy of the figure with a new id, last in the file */
NhsFigure   *nhs_document_duplicate_figure (NhsDocument *self,
                                            NhsFigure   *figure,
                                            GError     **error);
/* Fails (and changes nothing) when another figure adds to it */
gboolean     nhs_document_delete_figure  (NhsDocument  *self,
                                          NhsFigure    *figure,
                                          GError      **error);
/* Fails (and changes nothing) when an event or figure cites it */
gboolean     nhs_document_delete_article (NhsDocument  *self,
                                          NhsArticle   *article,
                                          GError      **error);

G_END_DECLS
