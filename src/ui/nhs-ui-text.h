/* nhs-ui-text.h: days, publishers and evidence in words, as the window
 * writes them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-dataset.h"

G_BEGIN_DECLS

/* "3 Jan 2024", in the user's language; NULL for NULL */
char *nhs_format_day               (GDateTime   *day);
/* "13–16 March 2023", "20 February 2023": the days from start_us to end_us
 * (exclusive) in tz */
char *nhs_format_span              (GTimeZone   *tz,
                                    gint64       start_us,
                                    gint64       end_us);
/* "BBC News · 25 Jan 2024", or NULL when there is neither */
char *nhs_join_meta                (const char  *publisher,
                                    GDateTime   *published);
/* What a quote is evidence for, "Evidence for “…”", for its tooltip; NULL
 * when it belongs to nothing shown */
char *nhs_describe_evidence_owner  (NhsEvidence *evidence);

G_END_DECLS
