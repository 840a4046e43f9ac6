/* nhs-evidence-editor.h: the evidence of an event or a figure, to remove,
 * reorder and add to
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-document.h"

G_BEGIN_DECLS

#define NHS_TYPE_EVIDENCE_EDITOR (nhs_evidence_editor_get_type ())
G_DECLARE_FINAL_TYPE (NhsEvidenceEditor, nhs_evidence_editor, NHS, EVIDENCE_EDITOR, GtkWidget)

GtkWidget   *nhs_evidence_editor_new          (void);
/* Without a document the list only shows the evidence */
void         nhs_evidence_editor_set_document (NhsEvidenceEditor *self,
                                               NhsDocument       *document);
/* An NhsEvent or an NhsFigure, or NULL */
void         nhs_evidence_editor_set_item     (NhsEvidenceEditor *self,
                                               GObject           *item);

/* For the tests: the list (one row a piece, in the file's order), the
 * button that opens the source citation form, the form (NULL until first
 * opened), its source drop-down and note entry, and the line that says
 * why an edit was refused (NULL while none) */
GtkListBox  *nhs_evidence_editor_get_list         (NhsEvidenceEditor *self);
GtkWidget   *nhs_evidence_editor_get_add_button   (NhsEvidenceEditor *self);
GtkWindow   *nhs_evidence_editor_get_form         (NhsEvidenceEditor *self);
GtkDropDown *nhs_evidence_editor_get_source_drop_down (NhsEvidenceEditor *self);
GtkEntry    *nhs_evidence_editor_get_note_entry   (NhsEvidenceEditor *self);
const char  *nhs_evidence_editor_get_message      (NhsEvidenceEditor *self);

G_END_DECLS
