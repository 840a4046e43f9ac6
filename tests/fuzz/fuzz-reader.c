/* fuzz-reader.c: libFuzzer target, the loader's JSON reader against
 * json-glib
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads strict JSON with its own reader, and json-glib is
 * laxer: whatever the bytes, what the loader takes json-glib must read too,
 * to the same event ids and titles; what the loader refuses it refuses in
 * words (UTF-8, naming the data). test-reader checks the same on fixtures
 * and random mutations; this lets the fuzzer look for a case.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "fuzz-common.h"
#include "nhs-dataset-loader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bytes (bytes, "fuzz.json", NULL, NULL, NULL, &error);
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *events;

  if (ds == NULL)
    {
      fuzz_assert (error != NULL && error->domain == NHS_DATASET_ERROR);
      fuzz_assert (g_utf8_validate (error->message, -1, NULL));
      fuzz_assert (g_str_has_prefix (error->message, "fuzz.json"));
      return 0;
    }
  parser = json_parser_new ();
  fuzz_assert (json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL));
  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");
  fuzz_assert (json_array_get_length (events) == nhs_dataset_get_n_events (ds));
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *obj = json_array_get_object_element (events, i);
      NhsEvent *event = nhs_dataset_lookup_event (ds, json_object_get_string_member (obj, "id"));

      fuzz_assert (event != NULL);
      fuzz_assert (strcmp (nhs_event_get_title (event), json_object_get_string_member (obj, "title")) == 0);
    }
  return 0;
}
