/* nhs-document-internal.h: what the document's own files share
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For nhs-document.c, nhs-document-file.c and nhs-document-sync.c only:
 * the three are one object split by size. The other editing files
 * (nhs-document-items.c, nhs-document-evidence.c) go through
 * nhs-document-private.h instead.
 */
#pragma once

#include "nhs-dataset-builder.h"
#include "nhs-document.h"

G_BEGIN_DECLS

struct _NhsDocument
{
  GObject parent_instance;

  NhsDataset *dataset;
  NhsJsonItem *root;
  NhsJsonItem *events;          /* the root's "events" */
  GHashTable *event_items;      /* NhsEvent → its object in the tree */
  GHashTable *figure_ranks;     /* NhsFigure → position + 1 */
  GHashTable *figure_items;     /* NhsFigure → its object in the tree */
  NhsDatasetBuilder *builder;
  GFile *file;
  char *etag;                   /* the file's, when opened or last saved */
  gsize text_size;              /* of the text last written, or read */

  /* Whether a save must load the whole text again to know the loader
   * takes it (docs/dataset-format.md, "Saving"): not when the tree was
   * known to load (base_loads) and every change since was checked item
   * by item as it was applied, in either direction (!unverified) */
  gboolean base_loads;
  gboolean unverified;
  GThread *check_thread;        /* loading the text the document was made from */
  GCancellable *check_cancellable;

  /* held for writing while a command changes the tree, for reading while
   * a copy is written from it in a worker thread (write_copy_async) */
  GRWLock tree_lock;
  /* held while a copy is written to its file: a copy asked for later is
   * never overwritten by one asked for earlier and cancelled */
  GMutex copy_lock;
  gint copy_stop;               /* a command wants the tree: a copy gives way */

  GPtrArray *undo;              /* Command, oldest first */
  GPtrArray *redo;              /* Command, next to redo last */
  gconstpointer saved;          /* the undo top when last saved */
};

enum {
  SIGNAL_EVENT_CHANGED,
  SIGNAL_CHANGED,
  N_SIGNALS
};

extern guint _nhs_document_signals[N_SIGNALS];

/* the saved state can no longer be reached by undo or redo */
extern const char _nhs_document_saved_lost;

/* nhs-document.c */
gconstpointer _nhs_document_undo_top     (NhsDocument *self);
void          _nhs_document_notify_state (NhsDocument *self,
                                          gboolean     was_modified,
                                          gboolean     could_undo,
                                          gboolean     could_redo);

/* nhs-document-sync.c: the dataset follows an edit of the tree (under the
 * dataset's write lock, emitting event-changed) */
void _nhs_document_replace_event (NhsDocument *self,
                                  NhsEvent    *event,
                                  NhsEvent    *built);
void _nhs_document_insert_event  (NhsDocument *self,
                                  NhsEvent    *event);
void _nhs_document_remove_event  (NhsDocument *self,
                                  NhsEvent    *event);

G_END_DECLS
