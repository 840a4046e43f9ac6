/* nhs-figure-inspector.h: the inspector's page for figures
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-document-items.h"

#include "nhs-evidence-editor.h"

G_BEGIN_DECLS

#define NHS_TYPE_FIGURE_INSPECTOR (nhs_figure_inspector_get_type ())
G_DECLARE_FINAL_TYPE (NhsFigureInspector, nhs_figure_inspector, NHS, FIGURE_INSPECTOR, GtkWidget)

GtkWidget   *nhs_figure_inspector_new          (void);
/* The figures listed are the document's dataset's; NULL shows none */
void         nhs_figure_inspector_set_document (NhsFigureInspector *self,
                                                NhsDocument        *document);
/* Selects the figure in the page's list (NULL: none) */
void         nhs_figure_inspector_set_figure   (NhsFigureInspector *self,
                                                NhsFigure          *figure);
NhsFigure   *nhs_figure_inspector_get_figure   (NhsFigureInspector *self);
/* Selects the first figure that refers to the event, if any */
void         nhs_figure_inspector_show_event   (NhsFigureInspector *self,
                                                NhsEvent           *event);

/* For the tests: the widget that edits the field (GtkEntry or
 * GtkDropDown), and the reason shown beside it (NULL when none) */
GtkWidget   *nhs_figure_inspector_get_field_widget (NhsFigureInspector *self,
                                                    NhsFigureField      field);
const char  *nhs_figure_inspector_get_message      (NhsFigureInspector *self,
                                                    NhsFigureField      field);
/* What Enter or the focus leaving a field does */
void         nhs_figure_inspector_commit           (NhsFigureInspector *self,
                                                    NhsFigureField      field);

/* The figure's evidence list (for the tests) */
NhsEvidenceEditor *nhs_figure_inspector_get_evidence_editor (NhsFigureInspector *self);

G_END_DECLS
