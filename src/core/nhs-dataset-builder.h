/* nhs-dataset-builder.h: how the loader makes objects
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates parsed into shared GDateTimes; repeated strings, tag lists and
 * group lists shared (see nhs-model-private.h); each event's interval and
 * search text worked out once.
 */
#pragma once

#include "nhs-dataset-private.h"
#include "nhs-model-private.h"

G_BEGIN_DECLS

/* A date or date-time as the loader met it, with what events need of it.
 * A dataset repeats the same few thousand days and times (strikes start at
 * 07:00), so each text is parsed once and its GDateTime shared: making
 * GDateTimes and asking the time zone about them cost more than reading the
 * whole file. */
typedef struct
{
  GDateTime *dt;
  gint64 us;                  /* UTC microseconds */
  gint64 next_us;             /* a date: the start of the day after */
  gint64 wall;                /* local wall-clock minutes since 1970 */
  gboolean is_date;
} NhsWhen;

typedef struct _NhsDatasetBuilder NhsDatasetBuilder;

NhsDatasetBuilder *_nhs_dataset_builder_new          (void);
void               _nhs_dataset_builder_free         (NhsDatasetBuilder *self);
/* The dataset's zone, for the dates that follow */
void               _nhs_dataset_builder_set_timezone (NhsDatasetBuilder *self,
                                                      GTimeZone         *tz);

/* A date ("2024-01-03") or, when allow_time, a date-time
 * ("2024-01-03T07:00", seconds, fraction and offset optional) in the
 * dataset's zone; NULL when the text is not one. Owned by the builder. */
const NhsWhen     *_nhs_dataset_builder_when         (NhsDatasetBuilder *self,
                                                      const char        *text,
                                                      gboolean           allow_time);
/* The shared GRefString for text (NULL for NULL), with a reference */
char              *_nhs_dataset_builder_intern       (NhsDatasetBuilder *self,
                                                      const char        *text);
/* The shared array of these groups (NhsGroup), with a reference */
GPtrArray         *_nhs_dataset_builder_group_set    (NhsDatasetBuilder *self,
                                                      GPtrArray         *groups);
/* The shared vector of these tags (const char *), with a reference */
char             **_nhs_dataset_builder_tag_set      (NhsDatasetBuilder *self,
                                                      GPtrArray         *tags);
/* An empty evidence array, shared, with a reference */
GPtrArray         *_nhs_dataset_builder_no_evidence  (NhsDatasetBuilder *self);
/* Whether end (may be NULL) comes before start, as intervals: a date-only
 * end runs to the end of its day, and a day that is over by the time the
 * event starts is before it */
gboolean           _nhs_when_ends_before             (const NhsWhen     *start,
                                                      const NhsWhen     *end);
/* Sets the event's interval, strike days and search text; the rest of it
 * must be in place */
void               _nhs_dataset_builder_finish_event (NhsDatasetBuilder *self,
                                                      NhsEvent          *event,
                                                      const NhsWhen     *start,
                                                      const NhsWhen     *end);

/* Each makes the object from values already checked, files it in the
 * dataset's list and id table, and returns it (owned by the dataset) */
NhsGroup          *_nhs_dataset_add_group            (NhsDataset        *ds,
                                                      const char        *id,
                                                      const char        *name,
                                                      const char        *short_name,
                                                      const char        *color);
NhsSource         *_nhs_dataset_add_source           (NhsDataset        *ds,
                                                      const char        *id,
                                                      const char        *title,
                                                      const char        *publisher,
                                                      const char        *url,
                                                      const NhsWhen     *published,
                                                      NhsSourceKind      kind);
/* The two halves of the above: fill a new object from checked values
 * (the loader's rules for one item, nhs-dataset-check.h, use it alone),
 * then file it, taking it */
void               _nhs_group_fill                   (NhsGroup          *group,
                                                      const char        *id,
                                                      const char        *name,
                                                      const char        *short_name,
                                                      const char        *color);
void               _nhs_dataset_file_group           (NhsDataset        *ds,
                                                      NhsGroup          *group);
void               _nhs_source_fill                  (NhsSource         *source,
                                                      const char        *id,
                                                      const char        *title,
                                                      const char        *publisher,
                                                      const char        *url,
                                                      const NhsWhen     *published,
                                                      NhsSourceKind      kind);
void               _nhs_dataset_file_source          (NhsDataset        *ds,
                                                      NhsSource         *source);
/* the article's citations and quotes arrays too */
NhsArticle        *_nhs_dataset_add_article          (NhsDataset        *ds,
                                                      const char        *id,
                                                      const char        *title,
                                                      const char        *publisher,
                                                      const char        *url,
                                                      const char        *description,
                                                      const char        *body,
                                                      const NhsWhen     *published);

static inline GDateTime *
_nhs_when_ref (const NhsWhen *when)
{
  return when ? g_date_time_ref (when->dt) : NULL;
}

G_END_DECLS
