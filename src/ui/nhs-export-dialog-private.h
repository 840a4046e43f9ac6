/* nhs-export-dialog-private.h: what the tests reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-export-dialog.h"

G_BEGIN_DECLS

/* The file chooser Export… shows while it waits for an answer, or NULL */
GtkFileChooserNative *nhs_export_dialog_get_file_chooser (NhsExportDialog *self);

G_END_DECLS
