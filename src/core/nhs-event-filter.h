/* nhs-event-filter.h: which events a person (or a script) asked to see
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nhs-model.h"

G_BEGIN_DECLS

#define NHS_TYPE_EVENT_FILTER (nhs_event_filter_get_type ())
G_DECLARE_FINAL_TYPE (NhsEventFilter, nhs_event_filter, NHS, EVENT_FILTER, GObject)

NhsEventFilter *nhs_event_filter_new               (void);
/* A filter asking for the same, with no link to this one (for another thread) */
NhsEventFilter *nhs_event_filter_copy              (NhsEventFilter     *self);

/* Every whitespace-separated word must occur, ignoring case, in the event's
 * title, summary, outcome, an evidence quote, a group name or its kind. */
void            nhs_event_filter_set_search        (NhsEventFilter     *self,
                                                    const char         *search);
const char     *nhs_event_filter_get_search        (NhsEventFilter     *self);

/* Groups are all enabled until one is turned off. An event matches when
 * any of its groups is enabled. */
void            nhs_event_filter_set_group_enabled (NhsEventFilter     *self,
                                                    const char         *group_id,
                                                    gboolean            enabled);
gboolean        nhs_event_filter_get_group_enabled (NhsEventFilter     *self,
                                                    const char         *group_id);
/* Enable exactly these ids of the dataset's groups (NULL or empty: all) */
void            nhs_event_filter_set_only_groups   (NhsEventFilter     *self,
                                                    NhsDataset         *dataset,
                                                    const char * const *group_ids);
/* The ids turned off, sorted; NULL-terminated, free with g_strfreev */
char          **nhs_event_filter_dup_disabled_groups (NhsEventFilter   *self);

/* A mask of NHS_EVENT_KIND_MASK() bits; 0 or NHS_EVENT_KIND_MASK_ALL: all */
void            nhs_event_filter_set_kinds         (NhsEventFilter     *self,
                                                    guint               kinds);
guint           nhs_event_filter_get_kinds         (NhsEventFilter     *self);

/* Whole local days, inclusive; either may be NULL for an open end. An event
 * matches when its interval overlaps the range. */
void            nhs_event_filter_set_range         (NhsEventFilter     *self,
                                                    GDateTime          *from,
                                                    GDateTime          *to);
GDateTime      *nhs_event_filter_get_from          (NhsEventFilter     *self);
GDateTime      *nhs_event_filter_get_to            (NhsEventFilter     *self);

/* Removes every constraint */
void            nhs_event_filter_reset             (NhsEventFilter     *self);
/* TRUE when no constraint is set */
gboolean        nhs_event_filter_is_empty          (NhsEventFilter     *self);

gboolean        nhs_event_filter_match             (NhsEventFilter     *self,
                                                    NhsEvent           *event);

/* "search “strike”; groups: Consultants; kinds: strike; 2023-01-01 to …" */
char           *nhs_event_filter_describe          (NhsEventFilter     *self);

G_END_DECLS
