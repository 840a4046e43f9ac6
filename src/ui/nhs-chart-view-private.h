/* nhs-chart-view-private.h: what the tests read of the chart view
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-chart-model.h"
#include "nhs-chart-view.h"

G_BEGIN_DECLS

/* the model drawn now; NULL while none is built */
NhsChartModel *nhs_chart_view_get_model (NhsChartView *self);

G_END_DECLS
