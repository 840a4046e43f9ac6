/* nhs-chart-view.h: the chart of strike days and pay, as a widget
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-chart-export.h"
#include "nhs-chart-model.h"
#include "nhs-dataset.h"
#include "nhs-event-filter.h"

G_BEGIN_DECLS

#define NHS_TYPE_CHART_VIEW (nhs_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (NhsChartView, nhs_chart_view, NHS, CHART_VIEW, GtkWidget)

GtkWidget  *nhs_chart_view_new                (void);
void        nhs_chart_view_set_dataset        (NhsChartView   *self,
                                               NhsDataset     *dataset);
/* The chart shows what the filter lets through and redraws on "changed";
 * its legend turns the filter's groups on and off */
void        nhs_chart_view_set_filter         (NhsChartView   *self,
                                               NhsEventFilter *filter);
/* Highlights the event (NULL: none), bringing it into view; does not emit
 * event-activated */
void        nhs_chart_view_set_selected_event (NhsChartView   *self,
                                               NhsEvent       *event);
NhsEvent   *nhs_chart_view_get_selected_event (NhsChartView   *self);
/* What an export of "exactly the current view" needs: range, mode, … */
void        nhs_chart_view_get_export_options (NhsChartView          *self,
                                               NhsChartExportOptions *options);

/* The properties "mode", "show-cumulative" and "show-pay" follow the
 * settings chart-mode, chart-show-cumulative and chart-show-pay */
NhsChartMode nhs_chart_view_get_mode          (NhsChartView   *self);
void        nhs_chart_view_set_mode           (NhsChartView   *self,
                                               NhsChartMode    mode);

/* The time shown, UTC microseconds, end exclusive */
void        nhs_chart_view_get_range          (NhsChartView   *self,
                                               gint64         *from_us,
                                               gint64         *to_us);
/* Shows from_us to to_us (0 and 0: everything, as Home does) */
void        nhs_chart_view_set_range          (NhsChartView   *self,
                                               gint64          from_us,
                                               gint64          to_us);

/* The event the keyboard is on (Left and Right move it, Enter selects it) */
NhsEvent   *nhs_chart_view_get_cursor_event   (NhsChartView   *self);

/* Signal "event-activated" (NhsEvent *event): the person clicked a bar or
 * marker, or pressed Enter on one; the window selects it in the list. */

G_END_DECLS
