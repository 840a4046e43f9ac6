/* nhs-dataset-check.h: the loader's rules for one item, for editing
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit is checked by the code that loads a file, so the app has one set
 * of rules and never makes a dataset its own loader would refuse.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "nhs-dataset-builder.h"

G_BEGIN_DECLS

/* The event object describes, built and checked as the loader does it
 * for $.events[index], against the groups, sources and articles of ds;
 * NULL with the loader's message otherwise, and *fail_path (when given)
 * set to the JSON path of the value at fault. Its id may be that of
 * replacing, and no other event's. ds is left as it was: the event is not
 * filed in it, nor its quotes under their articles. */
NhsEvent *_nhs_dataset_build_event (NhsDataset        *ds,
                                    NhsDatasetBuilder *builder,
                                    JsonNode          *object,
                                    guint              index,
                                    NhsEvent          *replacing,
                                    char             **fail_path,
                                    GError           **error);

/* The same for a figure, as $.figures[index]: against the groups, events
 * and articles of ds; its id may be that of replacing, and no other
 * figure's. */
NhsFigure *_nhs_dataset_build_figure (NhsDataset        *ds,
                                      NhsDatasetBuilder *builder,
                                      JsonNode          *object,
                                      guint              index,
                                      NhsFigure         *replacing,
                                      char             **fail_path,
                                      GError           **error);

/* The same for a group ($.groups[index]) and a source ($.sources[index]):
 * its id may be that of replacing, and no other's. */
NhsGroup  *_nhs_dataset_build_group  (NhsDataset        *ds,
                                      NhsDatasetBuilder *builder,
                                      JsonNode          *object,
                                      guint              index,
                                      NhsGroup          *replacing,
                                      char             **fail_path,
                                      GError           **error);
NhsSource *_nhs_dataset_build_source (NhsDataset        *ds,
                                      NhsDatasetBuilder *builder,
                                      JsonNode          *object,
                                      guint              index,
                                      NhsSource         *replacing,
                                      char             **fail_path,
                                      GError           **error);

G_END_DECLS
