/* nhs-filter-settings.h: the event filter, remembered in GSettings
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset.h"
#include "nhs-event-filter.h"

G_BEGIN_DECLS

/* The choices of the kind drop-down, in order: all kinds, strikes, ballots
 * and votes, offers and deals, pay awards, talks, statements and
 * announcements. Their nicks are the values of the "filter-kinds" key. */
guint       nhs_kind_choice_get_n_choices (void);
guint       nhs_kind_choice_get_mask      (guint        choice);
const char *nhs_kind_choice_get_nick      (guint        choice);
/* The choice a kind mask stands for; 0 (all kinds) for any other mask */
guint       nhs_kind_choice_from_mask     (guint        mask);

/* Reads the filter-* keys into filter. Days are taken in tz (the
 * dataset's time zone, or NULL for local time). */
void        nhs_filter_settings_restore   (GSettings      *settings,
                                           NhsEventFilter *filter,
                                           GTimeZone      *tz);
void        nhs_filter_settings_save      (GSettings      *settings,
                                           NhsEventFilter *filter);

/* "2024-01-03" to a day at 00:00 in tz; NULL when not a valid date */
GDateTime  *nhs_day_parse                 (const char     *text,
                                           GTimeZone      *tz);
/* The same day, at 00:00 in tz */
GDateTime  *nhs_day_in_timezone           (GDateTime      *day,
                                           GTimeZone      *tz);

G_END_DECLS
