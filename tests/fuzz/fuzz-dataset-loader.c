/* fuzz-dataset-loader.c: libFuzzer target for the dataset loader
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes go to nhs_dataset_load_bytes(). A refusal must be a
 * NHS_DATASET_ERROR whose message is UTF-8 and names the data; a dataset
 * that loads is walked the way the window walks it (every getter, the
 * citations and quotes of each article, the statistics the chart draws),
 * and its invariants are checked.
 */
#include "config.h"

#include <string.h>

#include "fuzz-walk.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bytes (bytes, "fuzz.json", NULL, NULL, NULL, &error);

  if (ds == NULL)
    {
      fuzz_assert (error != NULL);
      fuzz_assert (error->domain == NHS_DATASET_ERROR);
      fuzz_assert (g_utf8_validate (error->message, -1, NULL));
      fuzz_assert (g_str_has_prefix (error->message, "fuzz.json"));
      return 0;
    }
  fuzz_assert (error == NULL);
  walk_dataset (ds);
  return 0;
}
