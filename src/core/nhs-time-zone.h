/* nhs-time-zone.h: time zones named by datasets
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   nhs_time_zone_name_is_valid (const char *id);
GTimeZone *nhs_time_zone_new_checked   (const char *id);
/* The local time in tz of us, UTC microseconds, to the second */
GDateTime *nhs_time_zone_local         (GTimeZone  *tz,
                                        gint64      us);

G_END_DECLS
