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
