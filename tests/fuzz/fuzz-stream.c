/* fuzz-stream.c: libFuzzer target for reading a dataset from a file
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other dataset targets hand the loader a buffer; here the bytes are
 * a file, read the two ways the app reads files: nhs_dataset_load_file()
 * (the command line) and nhs_dataset_load_file_async() (the window, in a
 * thread, with progress). Each must give what nhs_dataset_load_bytes()
 * gives for the same bytes: the same error, word for word, or the same
 * dataset, every getter of every object (tests/test-dump.h).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "nhs-dataset-loader.h"
#include "test-dump.h"

static char *path;
static char *name;

static void
remove_file (void)
{
  g_unlink (path);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  /* progress only goes forward, within 0..1 */
  fuzz_assert (fraction >= 0 && fraction <= 1);
  fuzz_assert (fraction >= *last);
  *last = fraction;
}

static void
assert_same (NhsDataset *expected,
             GError     *expected_error,
             NhsDataset *got,
             GError     *got_error)
{
  if (expected == NULL)
    {
      fuzz_assert (got == NULL);
      fuzz_assert (got_error->domain == expected_error->domain);
      fuzz_assert (got_error->code == expected_error->code);
      fuzz_assert (strcmp (got_error->message, expected_error->message) == 0);
      return;
    }
  fuzz_assert (got != NULL && got_error == NULL);
  {
    g_autofree char *a = test_dump_dataset (expected);
    g_autofree char *b = test_dump_dataset (got);

    fuzz_assert (strcmp (a, b) == 0);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(NhsDataset) from_file = NULL;
  g_autoptr(NhsDataset) from_async = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  double last = 0;

  if (path == NULL)
    {
      int fd = g_file_open_tmp ("fuzz-stream-XXXXXX.json", &path, NULL);

      fuzz_assert (fd >= 0);
      close (fd);
      name = g_path_get_basename (path);
      atexit (remove_file);
      /* each input is a new file: no snapshot cache (one file per input) */
      g_setenv ("NHS_DISPUTE_NO_CACHE", "1", TRUE);
    }
  fuzz_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  file = g_file_new_for_path (path);

  ds = nhs_dataset_load_bytes (bytes, name, NULL, NULL, NULL, &error);
  from_file = nhs_dataset_load_file (file, NULL, &file_error);
  assert_same (ds, error, from_file, file_error);

  nhs_dataset_load_file_async (file, NULL, progress_cb, &last, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  from_async = nhs_dataset_load_file_finish (result, &async_error);
  assert_same (ds, error, from_async, async_error);
  return 0;
}
