/* nhs-extract.h: dates, figures and events found in an article's text
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nhs-dataset.h"
#include "nhs-types.h"

G_BEGIN_DECLS

typedef enum {
  NHS_CANDIDATE_EVENT,
  NHS_CANDIDATE_FIGURE,
} NhsCandidateType;

/* A finding, to be reviewed before it enters a dataset. Offsets are bytes
 * into the text given to nhs_extract(); quote is text[quote_start,
 * quote_end), verbatim. */
typedef struct
{
  NhsCandidateType type;
  char *quote;
  gsize quote_start;
  gsize quote_end;
  double confidence;
  /* the id of an item of the dataset given to nhs_extract() that this
   * candidate is more evidence for, or NULL */
  char *matches;

  /* events: dataset date ("2024-02-24") or date-time ("2024-02-24T07:00")
   * strings; end may be NULL */
  NhsEventKind kind;
  char **groups;
  char *start;
  char *end;
  /* the year, or the day itself ("next Tuesday"), was worked out from the
   * publication date rather than read */
  gboolean resolved;
  char *title;

  /* figures: group and claimant may be NULL */
  NhsFigureMetric metric;
  double value;
  NhsFigureUnit unit;
  char *group;
  char *claimant;
  /* significant decimals the text gave ("1.3 million" is 1,300,000 to
   * the nearest 100,000): the unit of the last digit written */
  double precision;
} NhsCandidate;

void nhs_candidate_free (NhsCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhsCandidate, nhs_candidate_free)

typedef enum {
  NHS_MARK_DATE,
  NHS_MARK_FIGURE,
} NhsMarkType;

/* A date or figure found in the text, for underlining (byte offsets) */
typedef struct
{
  NhsMarkType type;
  gsize start;
  gsize end;
} NhsMark;

/* Finds the candidates in text (valid UTF-8, as nhs_article_import_*()
 * gives; paragraphs split by newlines). published
 * is the publication date (YYYY-MM-DD) that years and weekdays are
 * resolved against, or NULL (then only fully written dates become
 * events). With a dataset, candidates that match its events and figures
 * are marked as such. Returns a GPtrArray of NhsCandidate, in text order. */
GPtrArray *nhs_extract             (const char *text,
                                    gssize      length,
                                    const char *published,
                                    NhsDataset *dataset);

/* The dates and figures in text, in order (a GArray of NhsMark) */
GArray    *nhs_extract_marks       (const char *text,
                                    gssize      length);

/* Figures compare as the text wrote them: value equals reference once the
 * reference is rounded to the text's precision ("22%" for 22.3). */
gboolean   nhs_extract_value_matches (double value,
                                      double precision,
                                      double reference);

/* Splits text into sentences: a GArray of gsize pairs (start, end), byte
 * offsets, each sentence within one paragraph, trimmed of spaces. */
GArray    *nhs_extract_sentences   (const char *text,
                                    gssize      length);

/* Reads the first date, time or range in text, for tests and tools: fills
 * start and end (NULL when open) as dataset strings. FALSE if none. */
gboolean   nhs_extract_parse_date  (const char *text,
                                    const char *published,
                                    char      **start,
                                    char      **end,
                                    gboolean   *resolved);

/* Reads the first figure in text (value, unit, metric; metric is
 * NHS_FIGURE_METRIC_OTHER when the text does not say). FALSE if none. */
gboolean   nhs_extract_parse_figure (const char      *text,
                                     double          *value,
                                     NhsFigureUnit   *unit,
                                     NhsFigureMetric *metric);

G_END_DECLS
