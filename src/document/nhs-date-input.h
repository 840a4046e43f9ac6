/* nhs-date-input.h: dates and times as people type them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The dataset's form of a date or time typed the way people write them:
 * "24 Feb 2024 07:00", "24 February 2024, 7am", "2024-02-24T07:00",
 * "2024-02-24 07:00", "24/02/2024" (day first, as in Britain), "Feb 24
 * 2024 11.59pm". Gives "2024-02-24T07:00" or, without a time,
 * "2024-02-24"; text already in the dataset's form (seconds, an offset)
 * comes back as it is. NULL with a message in plain words otherwise. */
char *nhs_date_input_parse (const char  *text,
                            GError     **error);

G_END_DECLS
