/* nhs-document.h: a dataset that can be edited, undone and saved
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset.h"
#include "nhs-json-tree.h"

G_BEGIN_DECLS

typedef enum {
  NHS_EVENT_FIELD_KIND,
  NHS_EVENT_FIELD_GROUPS,
  NHS_EVENT_FIELD_START,
  NHS_EVENT_FIELD_END,
  NHS_EVENT_FIELD_STATUS,
  NHS_EVENT_FIELD_TITLE,
  NHS_EVENT_FIELD_SUMMARY,
  NHS_EVENT_FIELD_OUTCOME,
  NHS_EVENT_FIELD_TAGS,
  NHS_EVENT_FIELD_EVIDENCE,
} NhsEventField;

#define NHS_EVENT_FIELD_N (NHS_EVENT_FIELD_EVIDENCE + 1)

/* "start": the field's key in the dataset format */
const char  *nhs_event_field_to_key      (NhsEventField field);
/* NHS_EVENT_FIELD_N when the key is no field of an event */
NhsEventField nhs_event_field_from_key   (const char   *key);

#define NHS_TYPE_DOCUMENT (nhs_document_get_type ())
G_DECLARE_FINAL_TYPE (NhsDocument, nhs_document, NHS, DOCUMENT, GObject)

/* A document over a dataset and the text it was loaded from. Fails when the
 * two do not match (the file changed between the two reads). It only reads
 * the dataset, so it can be made in a worker thread while the dataset is
 * shown, as long as nothing edits it meanwhile (nothing can without a
 * document). */
NhsDocument *nhs_document_new            (NhsDataset   *dataset,
                                          GBytes       *text,
                                          GError      **error);
/* Loads the file (or the bundled dataset) by the loader's rules */
NhsDocument *nhs_document_load_file      (GFile        *file,
                                          GCancellable *cancellable,
                                          GError      **error);
NhsDocument *nhs_document_load_bundled   (GError      **error);
/* A document kept in a recovery file: its text, and the file it was
 * editing (NULL: the bundled dataset). It opens modified: its changes
 * are not in that file. */
NhsDocument *nhs_document_new_recovered  (GBytes       *text,
                                          GFile        *file,
                                          GError      **error);

/* The dataset the window shows. Edits change it in place: an edited event
 * stays the same object, the events list emits items-changed for exactly
 * the positions an edit moves, adds or removes, and "event-changed" names
 * the event. */
NhsDataset  *nhs_document_get_dataset    (NhsDocument  *self);
/* Where a save goes; NULL for the bundled dataset, which is read-only */
GFile       *nhs_document_get_file       (NhsDocument  *self);
gboolean     nhs_document_get_modified   (NhsDocument  *self);

/* Undo and redo: every edit is one step, with a name ("Change of Start") */
gboolean     nhs_document_can_undo       (NhsDocument  *self);
gboolean     nhs_document_can_redo       (NhsDocument  *self);
/* NULL when there is nothing to undo (redo) */
const char  *nhs_document_get_undo_name  (NhsDocument  *self);
const char  *nhs_document_get_redo_name  (NhsDocument  *self);
gboolean     nhs_document_undo           (NhsDocument  *self);
gboolean     nhs_document_redo           (NhsDocument  *self);

/* The event as it would be with field set to value (NULL: removed), built
 * and checked by the loader's rules; nothing changes. NULL with the
 * loader's message otherwise, and *fail_key (when given) set to the key of
 * the event's member at fault ("end"). Free what it returns. */
NhsEvent    *nhs_document_try_event      (NhsDocument       *self,
                                          NhsEvent          *event,
                                          NhsEventField      field,
                                          const NhsJsonItem *value,
                                          char             **fail_key,
                                          GError           **error);
/* Sets the field (one undo step), if the result passes the loader's rules;
 * otherwise changes nothing and says why, as try_event. Setting a value
 * equal to the present one is no edit. value is copied. */
gboolean     nhs_document_set_event      (NhsDocument       *self,
                                          NhsEvent          *event,
                                          NhsEventField      field,
                                          const NhsJsonItem *value,
                                          char             **fail_key,
                                          GError           **error);
/* For text fields: NULL or "" removes the member */
gboolean     nhs_document_set_event_text (NhsDocument       *self,
                                          NhsEvent          *event,
                                          NhsEventField      field,
                                          const char        *text,
                                          GError           **error);
gboolean     nhs_document_set_event_strv (NhsDocument       *self,
                                          NhsEvent          *event,
                                          NhsEventField      field,
                                          const char * const *strv,
                                          GError           **error);
/* The event's member as the file holds it; NULL when absent */
const NhsJsonItem *nhs_document_get_event_member (NhsDocument *self,
                                                  NhsEvent    *event,
                                                  const char  *key);

/* A new event (kind "other", the first group, starting on date
 * "YYYY-MM-DD"), after the others in the file. Returns it, owned by the
 * dataset. */
NhsEvent    *nhs_document_add_event      (NhsDocument  *self,
                                          const char   *date,
                                          GError      **error);
/* A copy of the event with a new id, right after it in the file */
NhsEvent    *nhs_document_duplicate_event (NhsDocument *self,
                                           NhsEvent    *event,
                                           GError     **error);
/* Fails (and changes nothing) when a figure refers to the event */
gboolean     nhs_document_delete_event   (NhsDocument  *self,
                                          NhsEvent     *event,
                                          GError      **error);
/* Adds {article, quote} evidence at the end of the event's; the quote must
 * occur in the article word for word */
gboolean     nhs_document_cite_article   (NhsDocument  *self,
                                          NhsEvent     *event,
                                          NhsArticle   *article,
                                          const char   *quote,
                                          GError      **error);

/* Adds the event object describes (copied; its id must be unused), after
 * the others in the file, as one step named name. Returns it, owned by the
 * dataset, or NULL with the loader's message. */
NhsEvent    *nhs_document_add_event_object (NhsDocument       *self,
                                            const NhsJsonItem *object,
                                            const char        *name,
                                            GError           **error);
/* Adds the figure object describes (copied; its id must be unused), last
 * in the file, as one step named name. The figures list emits
 * items-changed for it. Returns it, owned by the dataset, or NULL with the
 * loader's message. */
NhsFigure   *nhs_document_add_figure_object (NhsDocument       *self,
                                             const NhsJsonItem *object,
                                             const char        *name,
                                             GError           **error);
/* Adds {article, quote} evidence at the end of the figure's, as
 * nhs_document_cite_article does for an event */
gboolean     nhs_document_cite_article_for_figure (NhsDocument *self,
                                                   NhsFigure   *figure,
                                                   NhsArticle  *article,
                                                   const char  *quote,
                                                   GError     **error);
/* Adds an article, last in the file, as one step. publisher, published
 * (YYYY-MM-DD) and url may be NULL; body is kept as given. Returns it,
 * owned by the dataset. */
NhsArticle  *nhs_document_add_article    (NhsDocument  *self,
                                          const char   *id,
                                          const char   *title,
                                          const char   *publisher,
                                          const char   *published,
                                          const char   *url,
                                          const char   *body,
                                          GError      **error);

/* The document in the canonical layout (docs/dataset-format.md) */
GBytes      *nhs_document_to_bytes       (NhsDocument  *self);
/* The same text written atomically to path in a worker thread (a copy, not
 * a save: unchecked, and the document stays as modified as it was), so
 * that a large document keeps the window responsive. An edit meanwhile
 * does not wait for the text to be made: the copy gives up, with
 * G_IO_ERROR_CANCELLED, and is to be asked for again. */
void         nhs_document_write_copy_async  (NhsDocument        *self,
                                             const char         *path,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean     nhs_document_write_copy_finish (NhsDocument        *self,
                                             GAsyncResult       *result,
                                             GError            **error);
/* The same at once; written after any copy asked for before, which a
 * cancelled one then is not */
gboolean     nhs_document_write_copy        (NhsDocument        *self,
                                             const char         *path,
                                             GError            **error);
/* The bytes checked by the loader, then written atomically; the document
 * stays modified when anything fails. save needs a file (see get_file). */
gboolean     nhs_document_save           (NhsDocument  *self,
                                          GError      **error);
/* save refuses with G_IO_ERROR_WRONG_ETAG when the file changed on disk
 * since it was opened or saved; this writes over it all the same */
gboolean     nhs_document_save_overwriting (NhsDocument *self,
                                            GError     **error);
gboolean     nhs_document_save_as        (NhsDocument  *self,
                                          GFile        *file,
                                          GError      **error);

G_END_DECLS
