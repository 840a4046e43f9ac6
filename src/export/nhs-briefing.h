/* nhs-briefing.h: the events shown, with the chart, the key numbers and
 * every source, as a PDF, Markdown or HTML document
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset.h"
#include "nhs-event-filter.h"

G_BEGIN_DECLS

typedef enum {
  NHS_BRIEFING_FORMAT_PDF,
  NHS_BRIEFING_FORMAT_MARKDOWN,
  NHS_BRIEFING_FORMAT_HTML,
} NhsBriefingFormat;

typedef enum {
  NHS_PAPER_AUTO,     /* from the locale */
  NHS_PAPER_A4,
  NHS_PAPER_LETTER,
} NhsPaperSize;

typedef struct
{
  NhsPaperSize paper;
  /* When the briefing was made, Unix seconds, shown in the document and
   * written as the PDF's dates. nhs_briefing_options_init() takes it from
   * SOURCE_DATE_EPOCH when that is set (so two runs give the same bytes),
   * else from the clock. */
  gint64       created;
} NhsBriefingOptions;

void         nhs_briefing_options_init     (NhsBriefingOptions *options);

/* Letter where the locale's LC_PAPER asks for it (or, without that
 * information, where the locale's country is the US or Canada); A4
 * elsewhere */
NhsPaperSize nhs_paper_size_from_locale    (void);

/* "a4" or "letter", in any case; FALSE for any other */
gboolean     nhs_paper_size_from_string    (const char   *text,
                                            NhsPaperSize *paper);

/* The format a file name asks for by its extension (.pdf, .md, .markdown,
 * .html, .htm), in any case; FALSE for any other */
gboolean     nhs_briefing_format_for_path  (const char        *path,
                                            NhsBriefingFormat *format);

/* Dataset text made literal in Markdown: every character Markdown gives a
 * meaning to is escaped, so it renders as written. in_table: also "|", and
 * line breaks become spaces. */
char        *nhs_markdown_escape           (const char *text,
                                            gboolean    in_table);

/* The briefing of the events the filter lets through (filter may be NULL:
 * every event) as the bytes of a file */
GBytes      *nhs_briefing_to_bytes         (NhsDataset               *dataset,
                                            NhsEventFilter           *filter,
                                            const NhsBriefingOptions *options,
                                            NhsBriefingFormat         format,
                                            GError                  **error);

/* Writes the briefing to path, in the format its extension names. Atomic:
 * on failure there is no file, and an existing one is left as it was. */
gboolean     nhs_briefing_export_file      (NhsDataset               *dataset,
                                            NhsEventFilter           *filter,
                                            const NhsBriefingOptions *options,
                                            const char               *path,
                                            GError                  **error);

/* The same in a worker thread, with a copy of the filter: the window stays
 * responsive, and may change its filter meanwhile */
void         nhs_briefing_export_file_async  (NhsDataset               *dataset,
                                              NhsEventFilter           *filter,
                                              const NhsBriefingOptions *options,
                                              const char               *path,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
gboolean     nhs_briefing_export_file_finish (GAsyncResult             *result,
                                              GError                  **error);

G_END_DECLS
