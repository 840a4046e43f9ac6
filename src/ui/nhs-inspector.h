/* nhs-inspector.h: the fields of the selected event, for editing
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-catalog-inspector.h"
#include "nhs-document.h"
#include "nhs-figure-inspector.h"

G_BEGIN_DECLS

#define NHS_TYPE_INSPECTOR (nhs_inspector_get_type ())
G_DECLARE_FINAL_TYPE (NhsInspector, nhs_inspector, NHS, INSPECTOR, GtkWidget)

GtkWidget   *nhs_inspector_new          (void);
/* Edits go to the document; without one the fields only show the event */
void         nhs_inspector_set_document (NhsInspector *self,
                                         NhsDocument  *document);
void         nhs_inspector_set_event    (NhsInspector *self,
                                         NhsEvent     *event);
NhsEvent    *nhs_inspector_get_event    (NhsInspector *self);
/* A line that says why editing is not possible (NULL: none) */
void         nhs_inspector_set_notice   (NhsInspector *self,
                                         const char   *notice);
/* the notice shown, NULL when none */
const char  *nhs_inspector_get_notice   (NhsInspector *self);

/* For the tests: the widget that edits the field (GtkEntry, GtkDropDown,
 * GtkTextView or, for the groups, the GtkFlowBox of check buttons), and
 * the label beside it that says what is wrong (NULL when hidden) */
GtkWidget   *nhs_inspector_get_field_widget (NhsInspector *self,
                                             NhsEventField field);
const char  *nhs_inspector_get_message      (NhsInspector *self,
                                             NhsEventField field);
GtkLabel    *nhs_inspector_get_days_label   (NhsInspector *self);
/* The event's evidence list (nhs-evidence-editor.h) */
GtkWidget   *nhs_inspector_get_evidence_editor (NhsInspector *self);
/* What focus leaving a field does: puts its text into the document */
void         nhs_inspector_commit           (NhsInspector *self,
                                             NhsEventField field);
/* Puts what is being typed into the document, as if the focus had left
 * the field: before saving or closing */
void         nhs_inspector_commit_focus     (NhsInspector *self);

/* The pages for figures and for groups and sources, and showing one:
 * "event", "figures" or "catalog" */
NhsFigureInspector  *nhs_inspector_get_figure_page  (NhsInspector *self);
NhsCatalogInspector *nhs_inspector_get_catalog_page (NhsInspector *self);
void                 nhs_inspector_show_page        (NhsInspector *self,
                                                     const char   *page);

G_END_DECLS
