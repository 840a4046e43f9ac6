/* nhs-document-evidence.h: editing the evidence of an event or a figure
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-document.h"

G_BEGIN_DECLS

/* item is an NhsEvent or an NhsFigure of the document. Each edit is one
 * undoable step, named ("Remove Evidence"), checked by the loader's rules
 * like every edit; undo gives back the very bytes of before. The pieces
 * of evidence keep every member they have, the ones the app does not know
 * included. index counts the item's evidence as the file lists it. */

/* The number of pieces of evidence the item cites */
guint        nhs_document_get_n_evidence (NhsDocument  *self,
                                          GObject      *item);
gboolean     nhs_document_remove_evidence (NhsDocument *self,
                                           GObject     *item,
                                           guint        index,
                                           GError     **error);
/* Moves the piece at from to the place to (both < n); moving a piece to
 * where it is is no edit */
gboolean     nhs_document_move_evidence  (NhsDocument  *self,
                                          GObject      *item,
                                          guint         from,
                                          guint         to,
                                          GError      **error);
/* Adds {source, quote, note} evidence at the end of the item's; quote and
 * note may be NULL or "" (left out). The source must be one of the
 * dataset's, as the loader requires. */
gboolean     nhs_document_cite_source    (NhsDocument  *self,
                                          GObject      *item,
                                          const char   *source_id,
                                          const char   *quote,
                                          const char   *note,
                                          GError      **error);

G_END_DECLS
