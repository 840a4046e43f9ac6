/* nhs-event-writer.h: events and summaries as CSV, JSON and text tables
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset.h"

G_BEGIN_DECLS

typedef enum {
  NHS_OUTPUT_TABLE,
  NHS_OUTPUT_CSV,
  NHS_OUTPUT_JSON,
} NhsOutputFormat;

/* ISO 8601 with the offset ("2024-01-03T07:00:00+00:00"), or the plain date
 * for a date-only value */
char    *nhs_format_event_time    (GDateTime *dt,
                                   gboolean   is_date);

/* events: NhsEvent in the order to write. CSV per RFC 4180 (CRLF line ends)
 * with the header id,kind,groups,start,end,strike_days,title. */
void     nhs_write_events_csv     (GString   *out,
                                   GPtrArray *events);
void     nhs_write_events_json    (GString   *out,
                                   GPtrArray *events);
void     nhs_write_events_table   (GString   *out,
                                   GPtrArray *events);

/* totals: from nhs_stats_strike_totals() */
void     nhs_write_summary_table  (GString    *out,
                                   NhsDataset *dataset,
                                   GArray     *totals);
void     nhs_write_summary_json   (GString    *out,
                                   NhsDataset *dataset,
                                   GArray     *totals);

/* Writes the whole of data to path, or nothing at all: a temporary file in
 * the target's folder, then a rename. path is a file name, never a URI.
 * Symbolic links are followed (a dangling one makes the file it names) and
 * stay links; an existing file keeps its mode, its extended attributes
 * and, where the writer may set them, its owner and group; another hard
 * link to it keeps the old content (docs/robustness.md). A folder, a
 * device or a pipe is refused. Errors are in plain words. Every writer of
 * user files (exports, dataset saves) goes through this. */
gboolean nhs_write_file_atomic    (const char *path,
                                   const char *data,
                                   gsize       len,
                                   GError    **error);

G_END_DECLS
