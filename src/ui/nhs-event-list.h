/* nhs-event-list.h: the filterable, sortable list of events
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-dataset.h"
#include "nhs-event-filter.h"

G_BEGIN_DECLS

#define NHS_TYPE_EVENT_LIST (nhs_event_list_get_type ())
G_DECLARE_FINAL_TYPE (NhsEventList, nhs_event_list, NHS, EVENT_LIST, GtkWidget)

GtkWidget  *nhs_event_list_new                (void);
void        nhs_event_list_set_dataset        (NhsEventList   *self,
                                               NhsDataset     *dataset);
/* The list shows what the filter lets through, and its controls edit it */
void        nhs_event_list_set_filter         (NhsEventList   *self,
                                               NhsEventFilter *filter);
NhsEventFilter *nhs_event_list_get_filter     (NhsEventList   *self);
NhsEvent   *nhs_event_list_get_selected_event (NhsEventList   *self);
/* Selects the event and scrolls it into view; FALSE (and the selection
 * cleared) when the filter hides it. */
gboolean    nhs_event_list_select_event       (NhsEventList   *self,
                                               NhsEvent       *event);
void        nhs_event_list_focus_search       (NhsEventList   *self);
/* The event changed in place (an edit): its row shows it again */
void        nhs_event_list_event_changed      (NhsEventList   *self,
                                               NhsEvent       *event);
/* A line that cites the event: title, day, each evidence's publisher,
 * title and address (plain text, for the clipboard) */
char       *nhs_event_dup_citation            (NhsEvent       *event);
/* Compact: fewer columns, for a narrow window */
void        nhs_event_list_set_compact        (NhsEventList   *self,
                                               gboolean        compact);
/* Focuses the rows (the selected one), or the search when none shows */
void        nhs_event_list_focus_rows         (NhsEventList   *self);
/* The events the filter lets through, in the order the list sorts them,
 * whether or not the list has finished filtering. */
GPtrArray  *nhs_event_list_dup_visible_events (NhsEventList   *self);

/* The column the rows are sorted by: "date", "groups", "kind", "title",
 * "days" or "sources", and whether downwards */
const char *nhs_event_list_get_sort           (NhsEventList   *self,
                                               gboolean       *descending);
/* FALSE, and the sort unchanged, for a column it does not know */
gboolean    nhs_event_list_set_sort           (NhsEventList   *self,
                                               const char     *column,
                                               gboolean        descending);

/* Signal "event-activated" (NhsEvent *event): Enter or a double click on a
 * row. Signal "sort-changed": a column title (or set_sort) sorted the rows
 * otherwise. Property "selected-event" follows the selection. */

G_END_DECLS
