/* nhs-text-cell-private.h: what the tests reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-text-cell.h"

G_BEGIN_DECLS

/* The layout the cell draws (made now if need be) */
PangoLayout *nhs_text_cell_get_layout (NhsTextCell *self);

G_END_DECLS
