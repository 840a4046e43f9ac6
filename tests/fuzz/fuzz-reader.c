/* fuzz-reader.c: libFuzzer target, the loader's own JSON reader against
 * json-glib
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads strict JSON itself and leaves everything else to
 * json-glib; whatever the bytes, the outcome must be the one json-glib
 * alone gives. Each input is loaded both ways: both refuse it with the
 * same error, word for word, or both load it and every getter of every
 * object agrees (tests/test-dump.h). test-reader checks the same on
 * fixtures and random mutations; this lets the fuzzer look for a case.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "test-dump.h"

static NhsDataset *
load (GBytes    *bytes,
      gboolean   json_glib,
      GError   **error)
{
  NhsDataset *ds;

  _nhs_dataset_loader_set_json_glib_only (json_glib);
  ds = nhs_dataset_load_bytes (bytes, "fuzz.json", NULL, NULL, NULL, error);
  _nhs_dataset_loader_set_json_glib_only (FALSE);
  return ds;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) glib_error = NULL;
  g_autoptr(NhsDataset) fast = load (bytes, FALSE, &fast_error);
  g_autoptr(NhsDataset) glib = load (bytes, TRUE, &glib_error);

  /* both load, or neither */
  fuzz_assert ((fast == NULL) == (glib == NULL));
  if (fast == NULL)
    {
      fuzz_assert (fast_error->domain == glib_error->domain);
      fuzz_assert (fast_error->code == glib_error->code);
      fuzz_assert (strcmp (fast_error->message, glib_error->message) == 0);
      return 0;
    }
  {
    g_autofree char *a = test_dump_dataset (fast);
    g_autofree char *b = test_dump_dataset (glib);

    fuzz_assert (strcmp (a, b) == 0);
  }
  return 0;
}
