/* test-util.h: shared helpers for the unit tests
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset-loader.h"
#include "nhs-event-filter.h"
#include "nhs-stats.h"

/* A file of tests/data, whole */
static inline char *
test_read_data (const char *name,
                gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, len, NULL))
    g_error ("cannot read %s", path);
  return text;
}

static inline NhsDataset *
test_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

/* The ids the filter lets through, in dataset order, joined by spaces */
static inline char *
test_matching_ids (NhsDataset     *ds,
                   NhsEventFilter *filter)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (ds, i);
      if (!nhs_event_filter_match (filter, event))
        continue;
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, nhs_event_get_id (event));
    }
  return g_string_free (s, FALSE);
}

/* The strike totals of one group, from nhs_stats_strike_totals() */
static inline NhsGroupStrikeTotals *
test_totals_for (GArray     *totals,
                 const char *id)
{
  for (guint i = 0; i < totals->len; i++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, i);
      if (g_strcmp0 (nhs_group_get_id (t->group), id) == 0)
        return t;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Runs the command line (NHS_DISPUTE_BIN) headless, as a script would: no
 * display in its environment to fall back on. args end with NULL; dir is
 * where it runs (NULL: here); *out and *err (where not NULL) get what it
 * printed. Returns its exit status. */
static inline int
test_run_cli (const char        *dir,
              const char *const *args,
              char             **out,
              char             **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;
  const char *bin = g_getenv ("NHS_DISPUTE_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (dir != NULL)
    g_subprocess_launcher_set_cwd (launcher, dir);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out_text, &err_text, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&out_text);
  if (err != NULL)
    *err = g_steal_pointer (&err_text);
  return g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

typedef struct
{
  NhsDataset *ds;
  GError *error;
  gboolean done;
} TestAsyncLoad;

static inline void
test_load_async_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  TestAsyncLoad *load = user_data;

  load->ds = nhs_dataset_load_file_finish (result, &load->error);
  load->done = TRUE;
}

/* nhs_dataset_load_file_async, with the default main context run until it
 * is done: the dataset, or NULL and *error */
static inline NhsDataset *
test_load_file_async (GFile                 *file,
                      GCancellable          *cancellable,
                      NhsDatasetProgressFunc progress,
                      gpointer               progress_data,
                      GError               **error)
{
  TestAsyncLoad load = { NULL, NULL, FALSE };

  nhs_dataset_load_file_async (file, cancellable, progress, progress_data, test_load_async_done_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  if (load.error != NULL)
    g_propagate_error (error, load.error);
  return load.ds;
}

/* Runs what is pending in the default main context, without waiting: at
 * most max dispatches (0: until nothing is pending) */
static inline void
test_drain_main_context (guint max)
{
  for (guint i = 0; (max == 0 || i < max) && g_main_context_iteration (NULL, FALSE); i++)
    ;
}
