/* fuzz-dataset-cache.c: libFuzzer target for the dataset cache's reader
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cache file is read back without parsing the JSON again, so it is input
 * too: a disk error, another program or a hostile user may have written it.
 * Each input becomes the cache file of tests/data/fixture.json, resealed
 * (its header's hash made to match the body) so that the damage reaches
 * the checks behind the hash. The reader must refuse it or give a dataset
 * that holds the same invariants as a loaded one (fuzz-walk.h).
 *
 * With NHS_FUZZ_CACHE_SEED=PATH the first run writes the fixture's real
 * cache file to PATH (build-aux/fuzz makes its seed so).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-walk.h"
#include "nhs-dataset-cache.h"

static NhsCacheKey key;
static char *cache_path;

/* A private cache directory holding the fixture's snapshot */
static void
set_up (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-fuzz-cache-XXXXXX", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  const char *seed = g_getenv ("NHS_FUZZ_CACHE_SEED");
  gsize len;

  fuzz_assert (dir != NULL);
  fuzz_assert (g_file_get_contents (NHS_FUZZ_DATASET, &text, &len, NULL));
  _nhs_dataset_cache_set_dir (dir);
  _nhs_cache_key_init (&key, text, len);
  cache_path = _nhs_dataset_cache_path (&key);

  if (seed != NULL)
    {
      g_autofree char *snapshot = NULL;
      gsize snapshot_len;

      /* loading the file from disk writes its snapshot */
      json_path = g_build_filename (dir, "fixture.json", NULL);
      fuzz_assert (g_file_set_contents (json_path, text, len, NULL));
      file = g_file_new_for_path (json_path);
      ds = nhs_dataset_load_file (file, NULL, NULL);
      fuzz_assert (ds != NULL);
      fuzz_assert (g_file_get_contents (cache_path, &snapshot, &snapshot_len, NULL));
      fuzz_assert (g_file_set_contents (seed, snapshot, snapshot_len, NULL));
      g_unlink (json_path);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = g_memdup2 (data, size);
  g_autoptr(NhsDataset) ds = NULL;
  gboolean cancelled = TRUE;

  if (cache_path == NULL)
    set_up ();

  if (size >= 16)
    _nhs_dataset_cache_reseal (copy, size);
  fuzz_assert (g_file_set_contents (cache_path, copy, size, NULL));
  ds = _nhs_dataset_cache_read (&key, "fuzz.json", NULL, NULL, NULL, &cancelled);
  fuzz_assert (!cancelled);
  if (ds != NULL)
    walk_dataset (ds);
  g_unlink (cache_path);
  return 0;
}
