/* nhs-chart-view.c: the chart of strike days and pay, as a widget
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A placeholder until the chart issue lands: it keeps the API the window
 * uses and draws nothing.
 */
#define G_LOG_DOMAIN "nhs-chart-view"

#include "config.h"

#include "nhs-chart-view.h"

struct _NhsChartView
{
  GtkWidget parent_instance;
  NhsDataset *dataset;
  NhsEventFilter *filter;
  NhsEvent *selected;
};

G_DEFINE_FINAL_TYPE (NhsChartView, nhs_chart_view, GTK_TYPE_WIDGET)

enum { EVENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
nhs_chart_view_finalize (GObject *object)
{
  NhsChartView *self = NHS_CHART_VIEW (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_clear_object (&self->selected);
  G_OBJECT_CLASS (nhs_chart_view_parent_class)->finalize (object);
}

static void
nhs_chart_view_class_init (NhsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_chart_view_finalize;

  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, NHS_TYPE_EVENT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "chartview");
}

static void
nhs_chart_view_init (NhsChartView *self)
{
}

GtkWidget *nhs_chart_view_new (void) { return g_object_new (NHS_TYPE_CHART_VIEW, NULL); }
void nhs_chart_view_set_dataset (NhsChartView *self, NhsDataset *dataset) { g_set_object (&self->dataset, dataset); }
void nhs_chart_view_set_filter (NhsChartView *self, NhsEventFilter *filter) { g_set_object (&self->filter, filter); }
void nhs_chart_view_set_selected_event (NhsChartView *self, NhsEvent *event) { g_set_object (&self->selected, event); }
NhsEvent *nhs_chart_view_get_selected_event (NhsChartView *self) { return self->selected; }

void
nhs_chart_view_get_export_options (NhsChartView          *self,
                                   NhsChartExportOptions *options)
{
  nhs_chart_export_options_init (options);
}
