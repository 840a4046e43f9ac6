/* fuzz-writers.c: libFuzzer target for the CSV, JSON and table writers
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes go to the loader; when a dataset loads, its events are written
 * as CSV, JSON and a table, and its totals as a table and JSON. The outputs
 * are read back: the CSV (RFC 4180) must give one record per event with
 * every id and title intact, the JSON must parse and give back every id,
 * title and summary with dates in ISO 8601, and all of it must be UTF-8.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "fuzz-common.h"
#include "test-csv.h"
#include "nhs-dataset-loader.h"
#include "nhs-event-writer.h"
#include "nhs-stats.h"

#define CSV_COLUMNS 7

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  fuzz_assert (node != NULL);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

/* ISO 8601 as the format wants it: four-digit year, two-digit month, day */
static gboolean
is_iso_date (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";

  if (text == NULL || strlen (text) < strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i]; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  return TRUE;
}

/* A cell holds the text, or "'" and the text where a spreadsheet would
 * take it for a formula (nhs-event-writer.c) */
static gboolean
csv_cell_is (const char *cell,
             const char *text)
{
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return cell[0] == '\'' && strcmp (cell + 1, text) == 0;
  return strcmp (cell, text) == 0;
}

static void
check_csv (GPtrArray *events)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;

  nhs_write_events_csv (out, events);
  fuzz_assert (g_utf8_validate (out->str, (gssize) out->len, NULL));
  records = test_csv_parse (out->str);
  fuzz_assert (records != NULL);
  fuzz_assert (records->len == events->len + 1);
  for (guint i = 0; i < events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (events, i);
      GPtrArray *record = g_ptr_array_index (records, i + 1);

      fuzz_assert (record->len == CSV_COLUMNS);
      fuzz_assert (csv_cell_is (g_ptr_array_index (record, 0), nhs_event_get_id (event)));
      fuzz_assert (csv_cell_is (g_ptr_array_index (record, 6), nhs_event_get_title (event)));
    }
}

static void
check_json (GPtrArray *events)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  nhs_write_events_json (out, events);
  fuzz_assert (g_utf8_validate (out->str, (gssize) out->len, NULL));
  if (!json_parser_load_from_data (parser, out->str, (gssize) out->len, &error))
    g_error ("the JSON written does not parse: %s", error->message);
  fuzz_assert (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  fuzz_assert (json_array_get_length (array) == events->len);
  for (guint i = 0; i < events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (events, i);
      JsonObject *object = json_array_get_object_element (array, i);

      fuzz_assert (g_strcmp0 (member_string (object, "id"), nhs_event_get_id (event)) == 0);
      fuzz_assert (g_strcmp0 (member_string (object, "title"), nhs_event_get_title (event)) == 0);
      fuzz_assert (g_strcmp0 (member_string (object, "summary"), nhs_event_get_summary (event)) == 0);
      fuzz_assert (is_iso_date (member_string (object, "start")));
      fuzz_assert (nhs_event_get_end (event) == NULL || is_iso_date (member_string (object, "end")));
    }
}

static void
check_summaries (NhsDataset *ds)
{
  g_autoptr(GArray) totals = nhs_stats_strike_totals (ds, NULL);
  g_autoptr(GString) table = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  nhs_write_summary_table (table, ds, totals);
  fuzz_assert (g_utf8_validate (table->str, (gssize) table->len, NULL));
  nhs_write_summary_json (json, ds, totals);
  fuzz_assert (g_utf8_validate (json->str, (gssize) json->len, NULL));
  if (!json_parser_load_from_data (parser, json->str, (gssize) json->len, &error))
    g_error ("the summary JSON written does not parse: %s", error->message);
  fuzz_assert (json_object_get_size (json_node_get_object (json_parser_get_root (parser))) == totals->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bytes (bytes, "fuzz.json", NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) table = g_string_new (NULL);

  if (ds == NULL)
    return 0;

  events = g_ptr_array_new ();
  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    g_ptr_array_add (events, nhs_dataset_get_event (ds, i));

  check_csv (events);
  check_json (events);
  nhs_write_events_table (table, events);
  fuzz_assert (g_utf8_validate (table->str, (gssize) table->len, NULL));
  check_summaries (ds);
  return 0;
}
