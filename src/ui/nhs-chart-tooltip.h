/* nhs-chart-tooltip.h: what the chart's tooltip says of what is under the
 * pointer or the keyboard's cursor
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-chart-renderer.h"

G_BEGIN_DECLS

/* Whether hit names something in model: FALSE for a hit on nothing, or
 * one found in a render of an older model (the index of a month, a step, a
 * pay point or a lane it does not have) */
gboolean nhs_chart_hit_in_model (NhsChartModel     *model,
                                 const NhsChartHit *hit);
/* Plain text for a hit of the renderer's: what, when, value, claimant,
 * source; NULL for a hit on nothing */
char *nhs_chart_dup_hit_text (NhsChartModel     *model,
                              const NhsChartHit *hit);

G_END_DECLS
