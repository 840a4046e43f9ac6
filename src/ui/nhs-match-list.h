/* nhs-match-list.h: the events of a list that an NhsEventFilter matches,
 * tested in a thread when there are many
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset.h"
#include "nhs-event-filter.h"

G_BEGIN_DECLS

#define NHS_TYPE_MATCH_LIST (nhs_match_list_get_type ())

G_DECLARE_FINAL_TYPE (NhsMatchList, nhs_match_list, NHS, MATCH_LIST, GObject)

/* The events of @model (a list of NhsEvent, in the order to show) that the
 * filter matches, in the same order */
NhsMatchList   *nhs_match_list_new                (GListModel     *model);

/* The dataset the events belong to: a thread testing them holds its read
 * lock, so that an edit waits for it */
void            nhs_match_list_set_dataset        (NhsMatchList   *self,
                                                   NhsDataset     *dataset);
/* NULL: every event; the list follows the filter's changes */
void            nhs_match_list_set_filter         (NhsMatchList   *self,
                                                   NhsEventFilter *filter);
NhsEventFilter *nhs_match_list_get_filter         (NhsMatchList   *self);

/* From this many events on, a change of the filter is tested in a thread,
 * and the list shows the old matches until the new ones are known; below,
 * at once */
void            nhs_match_list_set_threaded_events (NhsMatchList  *self,
                                                    guint          n_events);

/* The row showing event, or GTK_INVALID_LIST_POSITION: found by halves
 * while the source is the dataset's events in their own order, else row by
 * row */
guint           nhs_match_list_find               (NhsMatchList   *self,
                                                   NhsEvent       *event);

/* The events still to test: 0 when the list shows what the filter matches
 * (a "notify::pending" says when it changes) */
guint           nhs_match_list_get_pending        (NhsMatchList   *self);

G_END_DECLS
