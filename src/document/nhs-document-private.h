/* nhs-document-private.h: what the other editing files use of a document
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nhs-document.c keeps the undo stacks and the JSON tree; edits of other
 * kinds of item (nhs-document-items.c) are commands of their own, pushed
 * onto the same stacks so undo and redo take every edit in order; the
 * evidence edits (nhs-document-evidence.c) set an item's evidence member.
 */
#pragma once

#include "nhs-dataset-builder.h"
#include "nhs-document.h"

G_BEGIN_DECLS

/* Applies the command (undoing: backwards). A command undoes itself by
 * doing the same thing again, as the document's own do. */
typedef void (*NhsDocumentApplyFunc) (NhsDocument *self,
                                      gpointer     data,
                                      gboolean     undoing);

/* Applies the command and puts it on the undo stack (one step named
 * name, translated); free_data frees data with the command */
void _nhs_document_push (NhsDocument         *self,
                         const char          *name,
                         NhsDocumentApplyFunc apply_func,
                         gpointer             data,
                         GDestroyNotify       free_data);

typedef struct
{
  NhsDataset *dataset;
  NhsJsonItem *root;              /* the file's tree */
  GHashTable *figure_items;       /* NhsFigure → its object in the tree */
  GHashTable *figure_ranks;       /* NhsFigure → its position + 1 */
  NhsDatasetBuilder *builder;
} NhsDocumentParts;

void _nhs_document_get_parts      (NhsDocument      *self,
                                   NhsDocumentParts *parts);
/* Files (add) or unfiles the evidence's quotes under their articles,
 * marking the articles touched (one byte per article); then
 * finish_quotes sorts them and files the articles' citations again.
 * Both under the dataset's write lock. */
void _nhs_document_file_evidence  (NhsDocument      *self,
                                   GPtrArray        *evidence,
                                   gboolean          add,
                                   guint8           *touched);
void _nhs_document_finish_quotes  (NhsDocument      *self,
                                   guint8           *touched);
/* A loader error without the file and path before its message */
void _nhs_document_shorten_error  (GError          **error,
                                   const char       *path);

/* The "evidence" member of an event or a figure (item) as the file holds
 * it; NULL when absent or when the item is not in the document */
const NhsJsonItem *_nhs_document_get_evidence (NhsDocument       *self,
                                               GObject           *item);
/* Sets it (evidence is copied) as one undoable step named name, a
 * translated string that outlives the document, when the loader's rules
 * take the item so changed; otherwise changes nothing and says why */
gboolean           _nhs_document_set_evidence (NhsDocument       *self,
                                               GObject           *item,
                                               const NhsJsonItem *evidence,
                                               const char        *name,
                                               GError           **error);

G_END_DECLS
