/* nhs-document-file.c: saving a document, and making one from a file
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is saved is the document's JSON tree, written out; a save never
 * writes a text the loader would refuse (docs/dataset-format.md,
 * "Saving"). A document is made from the text its dataset was loaded
 * from, parsed into the tree and matched item by item to the dataset.
 */
#define G_LOG_DOMAIN "nhs-document"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-dataset-check.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-document.h"
#include "nhs-document-internal.h"
#include "nhs-event-writer.h"
#include "nhs-model-private.h"

/* Saving {{{ */

/* A buffer for the whole text of a save, a large one offered for huge
 * pages as the loader's text is (nhs-dataset-file.c) */
static GString *
text_buffer (gsize size)
{
  GString *out = g_string_sized_new (size);

  if (size >= NHS_HUGE_TEXT_MIN)
    _nhs_advise_huge_pages (out->str, out->allocated_len);
  return out;
}

GBytes *
nhs_document_to_bytes (NhsDocument *self)
{
  GString *out;
  gsize len;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);

  /* room for the whole text at once: growing a buffer of tens of
   * megabytes by doubling copies it, and touches fresh pages, each time */
  out = text_buffer (self->text_size + self->text_size / 8);
  nhs_json_item_write (self->root, out);
  len = out->len;
  self->text_size = len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);
}

static void
write_copy_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  NhsDocument *self = source_object;
  GError *error = NULL;
  /* not text_buffer(): a fault on a huge page can wait for the kernel to
   * make one, in the middle of an event while the tree is read-locked, and
   * an edit then waits for it (docs/benchmarks.md, "Round six") */
  GString *out = g_string_sized_new (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "size")));
  gboolean made;

  g_rw_lock_reader_lock (&self->tree_lock);
  made = nhs_json_item_write_unless (self->root, out, &self->copy_stop);
  g_rw_lock_reader_unlock (&self->tree_lock);
  g_mutex_lock (&self->copy_lock);
  if (!made)
    /* an edit came: the copy is not of the document any more */
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The document changed");
  else if (!g_task_return_error_if_cancelled (task))
    {
      if (nhs_write_file_atomic (task_data, out->str, out->len, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
  g_mutex_unlock (&self->copy_lock);
  g_string_free (out, TRUE);
}

gboolean
nhs_document_write_copy (NhsDocument *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gboolean ok;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = nhs_document_to_bytes (self);
  g_mutex_lock (&self->copy_lock);
  ok = nhs_write_file_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  g_mutex_unlock (&self->copy_lock);
  return ok;
}

void
nhs_document_write_copy_async (NhsDocument        *self,
                               const char         *path,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NHS_IS_DOCUMENT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nhs_document_write_copy_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "size", GSIZE_TO_POINTER (self->text_size + self->text_size / 8));
  g_task_run_in_thread (task, write_copy_thread);
}

gboolean
nhs_document_write_copy_finish (NhsDocument  *self,
                                GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether the text the document was made from loads, once the check in
 * the background (nhs_document_new) is done: waited for, as it is
 * further on than a check started now would be */
static void
finish_base_check (NhsDocument *self)
{
  if (self->check_thread == NULL)
    return;
  if (GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&self->check_thread))))
    self->base_loads = TRUE;
  g_clear_object (&self->check_cancellable);
}

static gboolean
write_checked (NhsDocument *self,
               GFile       *file,
               GError     **error)
{
  g_autoptr(GBytes) bytes = nhs_document_to_bytes (self);
  g_autoptr(NhsDataset) check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  gboolean known_to_load;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save to %s: only local files can be written"), uri);
      return FALSE;
    }

  /* The app never writes a file its own loader would refuse. A text known
   * to load, changed since only by edits each checked by the loader's own
   * rules as it was made, undone or redone, is not loaded again: the
   * rules that span items are kept by the edits themselves (see
   * docs/dataset-format.md, "Saving") */
  finish_base_check (self);
  known_to_load = self->base_loads && !self->unverified &&
                  (goffset) g_bytes_get_size (bytes) <= NHS_DATASET_MAX_SIZE;
  if (!known_to_load)
    {
      check = nhs_dataset_load_bytes (bytes, name, NULL, NULL, NULL, &local_error);
      if (check == NULL)
        {
          g_set_error (error, NHS_DATASET_ERROR, local_error->code,
                       _("The dataset was not saved, as it would not open again: %s"), local_error->message);
          return FALSE;
        }
      self->base_loads = TRUE;
      self->unverified = FALSE;
    }
  return nhs_write_file_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
mark_saved (NhsDocument *self)
{
  gboolean was_modified = nhs_document_get_modified (self);

  self->saved = _nhs_document_undo_top (self);
  g_free (self->etag);
  self->etag = query_etag (self->file);
  _nhs_document_notify_state (self, was_modified, nhs_document_can_undo (self), nhs_document_can_redo (self));
}

static gboolean
save (NhsDocument *self,
      gboolean     overwrite,
      GError     **error)
{
  if (self->file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The bundled dataset cannot be changed; save a copy of it instead"));
      return FALSE;
    }
  if (!overwrite && self->etag != NULL)
    {
      g_autofree char *etag = query_etag (self->file);

      /* gone is not changed: saving puts it back */
      if (etag != NULL && g_strcmp0 (etag, self->etag) != 0)
        {
          g_autofree char *name = g_file_get_basename (self->file);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("%s changed on disk since it was opened"), name);
          return FALSE;
        }
    }
  if (!write_checked (self, self->file, error))
    return FALSE;
  mark_saved (self);
  return TRUE;
}

gboolean
nhs_document_save (NhsDocument *self,
                   GError     **error)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  return save (self, FALSE, error);
}

gboolean
nhs_document_save_overwriting (NhsDocument *self,
                               GError     **error)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  return save (self, TRUE, error);
}

gboolean
nhs_document_save_as (NhsDocument *self,
                      GFile       *file,
                      GError     **error)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!write_checked (self, file, error))
    return FALSE;
  g_set_object (&self->file, file);
  mark_saved (self);
  return TRUE;
}

/* }}} */
/* Making documents {{{ */

static NhsJsonItem *
parse_text (GBytes     *text,
            const char *name,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  gsize len;
  const char *data = g_bytes_get_data (text, &len);
  NhsJsonItem *root;

  root = nhs_json_item_parse (data ? data : "", len, NHS_DATASET_MAX_DEPTH, &local_error);
  if (root != NULL)
    return root;

  /* json-glib reads more than JSON (comments, for one), and the loader
   * takes what it reads: so must the document */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data ? data : "", len, NULL) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX,
                   _("%s: the file is not valid JSON: %s"), name, local_error->message);
      return NULL;
    }
  return nhs_json_item_from_json_node (json_parser_get_root (parser));
}

/* The loader keeps the figures in file order */
static gboolean
map_figures (NhsDocument *self)
{
  NhsJsonItem *figures = nhs_json_object_get_member (self->root, "figures");
  GPtrArray *array = self->dataset->figure_array;

  if (figures == NULL || nhs_json_item_get_item_type (figures) != NHS_JSON_ITEM_ARRAY)
    return array->len == 0;
  if (nhs_json_item_get_length (figures) != array->len)
    return FALSE;
  for (guint i = 0; i < array->len; i++)
    {
      NhsFigure *figure = g_ptr_array_index (array, i);
      NhsJsonItem *object = nhs_json_array_get (figures, i);

      if (g_strcmp0 (nhs_json_object_get_member_string (object, "id"), figure->id) != 0)
        return FALSE;
      g_hash_table_insert (self->figure_items, figure, object);
    }
  return TRUE;
}

typedef struct
{
  GBytes *text;
  GCancellable *cancellable;
} BaseCheck;

static gpointer
base_check_thread (gpointer data)
{
  BaseCheck *check = data;
  g_autoptr(NhsDataset) loaded = nhs_dataset_load_bytes (check->text, NULL, check->cancellable,
                                                         NULL, NULL, NULL);

  g_bytes_unref (check->text);
  g_object_unref (check->cancellable);
  g_free (check);
  return GINT_TO_POINTER (loaded != NULL);
}

/* text_loads: the dataset was loaded from text itself */
static NhsDocument *
document_new (NhsDataset *dataset,
              GBytes     *text,
              gboolean    text_loads,
              GError    **error)
{
  g_autoptr(NhsDocument) self = NULL;
  NhsJsonItem *events;
  guint n;

  self = g_object_new (NHS_TYPE_DOCUMENT, NULL);
  self->dataset = g_object_ref (dataset);
  self->file = dataset->bundled || dataset->file == NULL ? NULL : g_object_ref (dataset->file);
  self->root = parse_text (text, dataset->display_name, error);
  if (self->root == NULL)
    return NULL;
  self->text_size = g_bytes_get_size (text);

  events = nhs_json_item_get_item_type (self->root) == NHS_JSON_ITEM_OBJECT
           ? nhs_json_object_get_member (self->root, "events") : NULL;
  n = events && nhs_json_item_get_item_type (events) == NHS_JSON_ITEM_ARRAY
      ? nhs_json_item_get_length (events) : 0;
  if (events == NULL || n != dataset->event_array->len)
    goto changed;
  self->events = events;
  for (guint i = 0; i < n; i++)
    {
      NhsJsonItem *object = nhs_json_array_get (events, i);
      const char *id = nhs_json_object_get_member_string (object, "id");
      NhsEvent *event = id ? g_hash_table_lookup (dataset->event_by_id, id) : NULL;

      if (event == NULL || !g_hash_table_insert (self->event_items, event, object))
        goto changed;
    }
  for (guint i = 0; i < dataset->figure_array->len; i++)
    g_hash_table_insert (self->figure_ranks, g_ptr_array_index (dataset->figure_array, i),
                         GUINT_TO_POINTER (i + 1));
  if (!map_figures (self))
    goto changed;

  self->builder = _nhs_dataset_builder_new ();
  _nhs_dataset_builder_set_timezone (self->builder, dataset->timezone);
  if (self->file != NULL)
    self->etag = query_etag (self->file);

  /* The tree is read from the text by a parser as strict as the loader's
   * (the same grammar, UTF-8, depth; and a key given twice, which the
   * loader refuses, is refused here by the check below) and written with
   * the same strings and the same doubles: it loads when the text does.
   * Text read again from the file may not be what the dataset was loaded
   * from, so it is loaded in the background; a save waits for that. */
  self->base_loads = text_loads;
  if (!text_loads)
    {
      BaseCheck *check = g_new0 (BaseCheck, 1);

      self->check_cancellable = g_cancellable_new ();
      check->text = g_bytes_ref (text);
      check->cancellable = g_object_ref (self->check_cancellable);
      self->check_thread = g_thread_new ("nhs-document-check", base_check_thread, check);
    }
  return g_steal_pointer (&self);

changed:
  g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
               _("%s changed on disk while it was being opened; open it again"), dataset->display_name);
  return NULL;
}

NhsDocument *
nhs_document_new (NhsDataset *dataset,
                  GBytes     *text,
                  GError    **error)
{
  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return document_new (dataset, text, FALSE, error);
}

NhsDocument *
nhs_document_load_file (GFile        *file,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(NhsDataset) dataset = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  text = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                   _("Could not open %s: %s"), name, local_error->message);
      return NULL;
    }
  dataset = nhs_dataset_load_bytes (text, name, cancellable, NULL, NULL, error);
  if (dataset == NULL)
    return NULL;
  dataset->file = g_object_ref (file);
  return document_new (dataset, text, TRUE, error);
}

NhsDocument *
nhs_document_load_bundled (GError **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(NhsDataset) dataset = NULL;

  text = g_resources_lookup_data (NHS_DATASET_BUNDLED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (text == NULL)
    return NULL;
  dataset = nhs_dataset_load_bytes (text, "nhs-dispute.json", NULL, NULL, NULL, error);
  if (dataset == NULL)
    return NULL;
  dataset->bundled = TRUE;
  return document_new (dataset, text, TRUE, error);
}

NhsDocument *
nhs_document_new_recovered (GBytes *text,
                            GFile  *file,
                            GError **error)
{
  g_autoptr(NhsDataset) dataset = NULL;
  g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("nhs-dispute.json");
  NhsDocument *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  dataset = nhs_dataset_load_bytes (text, name, NULL, NULL, NULL, error);
  if (dataset == NULL)
    return NULL;
  if (file != NULL)
    dataset->file = g_object_ref (file);
  else
    dataset->bundled = TRUE;
  self = document_new (dataset, text, TRUE, error);
  if (self != NULL)
    self->saved = &_nhs_document_saved_lost;
  return self;
}

/* }}} */
