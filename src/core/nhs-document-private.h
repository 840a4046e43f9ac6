/* nhs-document-private.h: what the document's other files reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-document.h"

G_BEGIN_DECLS

/* The "evidence" member of an event or a figure (item) as the file holds
 * it; NULL when absent or when the item is not in the document */
const NhsJsonItem *_nhs_document_get_evidence (NhsDocument       *self,
                                               GObject           *item);
/* Sets it (evidence is copied) as one undoable step named name, a
 * translated string that outlives the document, when the loader's rules
 * take the item so changed; otherwise changes nothing and says why */
gboolean           _nhs_document_set_evidence (NhsDocument       *self,
                                               GObject           *item,
                                               const NhsJsonItem *evidence,
                                               const char        *name,
                                               GError           **error);

G_END_DECLS
