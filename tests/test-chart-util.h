/* test-chart-util.h: shared by the chart tests
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "test-util.h"

#define HOUR_US (G_USEC_PER_SEC * (gint64) 3600)

/* Local midnight in the fixtures' zone, as UTC microseconds */
static inline gint64
local_day (int year,
           int month,
           int day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}
