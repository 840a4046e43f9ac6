/* nhs-dataset-file.c: reading a dataset from a file or a resource
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes, a chunk at a time with progress and cancellation, for
 * nhs_dataset_load_bytes() in nhs-dataset-loader.c, which reads them; and
 * the same in a worker thread for the window.
 */
#define G_LOG_DOMAIN "nhs-dataset-loader"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"

/* Files and resources {{{ */

/* A share of the whole load's progress: fractions of one step, scaled */
typedef struct
{
  NhsDatasetProgressFunc func;
  gpointer data;
  double base;
  double span;
} Share;

static void
share_progress_cb (double   fraction,
                   gpointer user_data)
{
  Share *share = user_data;

  share->func (share->base + share->span * fraction, share->data);
}

/* A pipe would block the open until something writes to it, and a device
 * such as /dev/zero never ends: only ordinary files are read */
#define NOT_A_FILE_MESSAGE _("Could not open %s: it is a device or a pipe, not a dataset file")

#define READ_SHARE 0.1
#define READ_CHUNK (8 << 20)

/* A large text goes into memory aligned to huge pages and offered to the
 * kernel for them, which the mapped file json-glib reads pays less for
 * (docs/benchmarks.md, "Round six"). The file is still read, not mapped
 * (a mapped file that another program truncates would kill the app). */
typedef struct
{
  char *data;
  gsize alloc;
  gboolean aligned;           /* g_aligned_free(), not g_free() */
} Text;

static void
text_alloc (Text  *text,
            gsize  alloc)
{
  text->alloc = alloc;
  text->aligned = FALSE;
#ifdef MADV_HUGEPAGE
  if (alloc >= NHS_HUGE_TEXT_MIN)
    {
      /* whole huge pages: the last one too */
      text->alloc = (alloc + NHS_HUGE_PAGE_SIZE - 1) & ~(NHS_HUGE_PAGE_SIZE - 1);
      text->data = g_aligned_alloc (1, text->alloc, NHS_HUGE_PAGE_SIZE);
      text->aligned = TRUE;
      _nhs_advise_huge_pages (text->data, text->alloc);
      return;
    }
#endif
  text->data = g_malloc (alloc);
}

gboolean
_nhs_advise_huge_pages (gpointer mem,
                        gsize    size)
{
#ifdef MADV_HUGEPAGE
  uintptr_t start = ((uintptr_t) mem + NHS_HUGE_PAGE_SIZE - 1) & ~(uintptr_t) (NHS_HUGE_PAGE_SIZE - 1);
  uintptr_t end = ((uintptr_t) mem + size) & ~(uintptr_t) (NHS_HUGE_PAGE_SIZE - 1);

  /* advice only: without huge pages, the memory is as any other */
  return end > start && madvise ((void *) start, end - start, MADV_HUGEPAGE) == 0;
#else
  return FALSE;
#endif
}

static void
text_free (gpointer data)
{
  Text *text = data;

  if (text->aligned)
    g_aligned_free (text->data);
  else
    g_free (text->data);
  g_free (text);
}

/* The whole file, read a chunk at a time so that a large one shows
 * progress and can be cancelled (g_file_load_contents does neither); the
 * bytes end with a NUL that they do not count */
static GBytes *
read_text (GFile                  *file,
           const char             *name,
           GCancellable           *cancellable,
           NhsDatasetProgressFunc  progress,
           gpointer                progress_data,
           GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  Text *text = g_new0 (Text, 1);
  gsize size = 0, len = 0;

  in = g_file_read (file, cancellable, &local_error);
  if (in != NULL)
    info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > 0)
    size = (gsize) MIN (g_file_info_get_size (info), NHS_DATASET_MAX_SIZE + 1);
  text_alloc (text, size + 1);
  while (in != NULL)
    {
      gssize n;

      if (text->alloc - len - 1 == 0)
        {
          /* larger than it said (or it said nothing): grow */
          gsize alloc = MAX (text->alloc * 2, (gsize) 1 << 16);

          if (text->aligned)
            {
              char *grown = g_malloc (alloc);

              memcpy (grown, text->data, len);
              g_aligned_free (text->data);
              text->data = grown;
              text->aligned = FALSE;
            }
          else
            text->data = g_realloc (text->data, alloc);
          text->alloc = alloc;
        }
      n = g_input_stream_read (G_INPUT_STREAM (in), text->data + len, MIN (READ_CHUNK, text->alloc - len - 1),
                               cancellable, &local_error);
      if (n < 0)
        break;
      if (n == 0)
        {
          text->data[len] = '\0';
          return g_bytes_new_with_free_func (text->data, len, text_free, text);
        }
      len += n;
      /* a file that grows while read, or says no size (a device whose
       * type was not told): never more than the limit in memory */
      if ((goffset) len > NHS_DATASET_MAX_SIZE)
        {
          g_propagate_error (error, _nhs_dataset_too_large_error (name, len));
          text_free (text);
          return NULL;
        }
      if (progress != NULL && size > 0)
        progress (MIN (1.0, (double) len / size), progress_data);
    }
  text_free (text);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading %s was cancelled"), name);
  else
    g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                 _("Could not read %s: %s"), name, local_error->message);
  return NULL;
}

/* Earlier versions kept a snapshot of each dataset they opened in
 * $XDG_CACHE_HOME/nhs-dispute: <hash>.gvariant files and the temporary
 * files of their writing (.goutputstream-*). Those files are removed, and
 * the folder if nothing else is in it. Nothing is followed: a symbolic link
 * in place of the folder is left alone, one inside it is unlinked as the
 * link it is (its target stays), and any other file stays too. */
void
_nhs_dataset_remove_old_cache (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    return;
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".gvariant") || g_str_has_prefix (name, ".goutputstream-"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        /* unlink() never follows a link, and refuses a folder */
        if (g_unlink (path) != 0)
          g_debug ("Could not remove %s: %s", path, g_strerror (errno));
      }
  g_rmdir (dir);
}

static gpointer
remove_old_cache_once (gpointer data)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "nhs-dispute", NULL);

  _nhs_dataset_remove_old_cache (dir);
  return NULL;
}

/* Reads the file and loads its text */
static NhsDataset *
load_contents (GFile                  *file,
               const char             *name,
               GCancellable           *cancellable,
               NhsDatasetProgressFunc  progress,
               gpointer                progress_data,
               GError                **error)
{
  static GOnce old_cache_once = G_ONCE_INIT;
  g_autoptr(GBytes) bytes = NULL;
  Share read_share = { progress, progress_data, 0, READ_SHARE };
  Share rest = { progress, progress_data, READ_SHARE, 1 - READ_SHARE };
  NhsDatasetProgressFunc share_cb = progress ? share_progress_cb : NULL;
  NhsDataset *ds;

  /* the first load of a session, in the loading thread for the window */
  g_once (&old_cache_once, remove_old_cache_once, NULL);

  bytes = read_text (file, name, cancellable, share_cb, &read_share, error);
  if (bytes == NULL)
    return NULL;
  ds = nhs_dataset_load_bytes (bytes, name, cancellable, share_cb, &rest, error);
  if (ds != NULL)
    ds->file = g_object_ref (file);
  return ds;
}

/* The name messages give a file: its base name, or (an address GIO has no
 * backend for, such as a mistyped URI) the address as written */
static char *
dup_file_name (GFile *file)
{
  char *name = g_file_get_basename (file);

  return name != NULL ? name : g_file_get_parse_name (file);
}

NhsDataset *
nhs_dataset_load_file (GFile        *file,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = dup_file_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading %s was cancelled"), name);
      return NULL;
    }
  if (info == NULL)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                   _("Could not open %s: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                   _("Could not open %s: it is a folder, not a dataset file"), name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO, NOT_A_FILE_MESSAGE, name);
      return NULL;
    }
  if (g_file_info_get_size (info) > NHS_DATASET_MAX_SIZE)
    {
      g_propagate_error (error, _nhs_dataset_too_large_error (name, g_file_info_get_size (info)));
      return NULL;
    }
  return load_contents (file, name, cancellable, NULL, NULL, error);
}

NhsDataset *
nhs_dataset_load_resource (const char *resource_path,
                           GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_path_get_basename (resource_path);
  NhsDataset *ds;

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  ds = nhs_dataset_load_bytes (bytes, name, NULL, NULL, NULL, error);
  if (ds != NULL)
    ds->bundled = TRUE;
  return ds;
}

NhsDataset *
nhs_dataset_load_bundled (GError **error)
{
  return nhs_dataset_load_resource (NHS_DATASET_BUNDLED_RESOURCE, error);
}

/* }}} */
/* Async {{{ */

typedef struct
{
  GFile *file;
  NhsDatasetProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
  double last_fraction;
} AsyncData;

typedef struct
{
  GTask *task;
  double fraction;
} ProgressIdle;

static void
async_data_free (AsyncData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static void
progress_idle_free (gpointer user_data)
{
  ProgressIdle *pi = user_data;

  g_object_unref (pi->task);
  g_free (pi);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressIdle *pi = user_data;
  AsyncData *data = g_task_get_task_data (pi->task);

  if (!g_task_get_completed (pi->task))
    data->progress (pi->fraction, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  ProgressIdle *pi;
  GSource *source;

  if (data->progress == NULL || fraction - data->last_fraction < 0.01)
    return;
  data->last_fraction = fraction;
  pi = g_new (ProgressIdle, 1);
  pi->task = g_object_ref (task);
  pi->fraction = fraction;
  /* a source, not g_main_context_invoke(): that calls the function here,
   * on the worker, whenever it can acquire the caller's context (the
   * global default, while the caller is between iterations) */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_idle_cb, pi, progress_idle_free);
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = dup_file_name (data->file);
  NhsDataset *ds;

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > NHS_DATASET_MAX_SIZE)
    {
      g_task_return_error (task, _nhs_dataset_too_large_error (name, g_file_info_get_size (info)));
      return;
    }
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_task_return_new_error (task, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                               _("Could not open %s: it is a folder, not a dataset file"), name);
      return;
    }
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_task_return_new_error (task, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO, NOT_A_FILE_MESSAGE, name);
      return;
    }
  g_clear_error (&error);

  ds = load_contents (data->file, name, cancellable, thread_progress_cb, task, &error);
  if (ds == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ds, g_object_unref);
}

void
nhs_dataset_load_file_async (GFile                 *file,
                             GCancellable          *cancellable,
                             NhsDatasetProgressFunc progress,
                             gpointer               progress_data,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (AsyncData, 1);
  data->file = g_object_ref (file);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nhs_dataset_load_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, load_thread);
}

NhsDataset *
nhs_dataset_load_file_finish (GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
