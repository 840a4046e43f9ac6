/* nhs-window-private.h: what the window tests reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-article-reader.h"
#include "nhs-chart-view.h"
#include "nhs-document.h"
#include "nhs-event-list.h"
#include "nhs-add-article-dialog.h"
#include "nhs-inspector.h"
#include "nhs-review-panel.h"
#include "nhs-window.h"

G_BEGIN_DECLS

NhsEventList     *nhs_window_get_event_list   (NhsWindow  *self);
NhsArticleReader *nhs_window_get_reader       (NhsWindow  *self);
NhsEventFilter   *nhs_window_get_filter       (NhsWindow  *self);
GtkLabel         *nhs_window_get_title_label  (NhsWindow  *self);
/* The notice bar's label while it shows, else NULL */
GtkLabel         *nhs_window_get_notice_label (NhsWindow  *self);
/* The file chooser the window shows (Open, Export Events as CSV…) while it
 * waits for an answer, or NULL */
GtkFileChooserNative *nhs_window_get_file_chooser (NhsWindow *self);
/* Open Recent's items: the bundled dataset, then the last ones opened */
GMenuModel       *nhs_window_get_recent_menu  (NhsWindow  *self);
/* The paned of the chart (TRUE) or of the list and the reader */
GtkPaned         *nhs_window_get_paned        (NhsWindow  *self,
                                               gboolean    chart);
/* Whether chart, events and article are views of their own */
gboolean          nhs_window_is_narrow        (NhsWindow  *self);
/* The narrow layout's button for "chart", "events" or "article" */
GtkWidget        *nhs_window_get_view_button  (NhsWindow  *self,
                                               const char *view);
/* What Export Events as CSV… writes, without the file chooser */
gboolean          nhs_window_export_csv       (NhsWindow  *self,
                                               GFile      *file,
                                               GError    **error);
NhsInspector     *nhs_window_get_inspector    (NhsWindow  *self);
/* NULL until the first edit */
NhsDocument      *nhs_window_get_document     (NhsWindow  *self);
NhsChartView     *nhs_window_get_chart_view   (NhsWindow  *self);

/* Add Article (nhs-window-import.c) */
void              _nhs_window_import_class_init (GtkWidgetClass *widget_class);
void              _nhs_window_import_init     (NhsWindow  *self);
/* The form of Add Article while it shows, else NULL */
NhsAddArticleDialog *nhs_window_get_add_article_dialog (NhsWindow *self);
NhsReviewPanel   *nhs_window_get_review_panel (NhsWindow  *self);
/* Makes the document (at the first edit); FALSE, with the reason shown,
 * when the dataset cannot be edited */
gboolean          nhs_window_ensure_document  (NhsWindow  *self);
void              nhs_window_show_error       (NhsWindow  *self,
                                               const char *primary,
                                               const char *secondary);
/* Selects the event in the list and, with open_inspector, shows it in the
 * inspector */
void              nhs_window_inspect_event    (NhsWindow  *self,
                                               NhsEvent   *event,
                                               gboolean    open_inspector);

/* New Event from Selection (nhs-window-evidence.c) */
void              _nhs_window_evidence_class_init (GtkWidgetClass *widget_class);
void              _nhs_window_evidence_init   (NhsWindow  *self);

G_END_DECLS
