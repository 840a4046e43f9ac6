/* nhs-error-dialog.h: errors in plain words, with the detail underneath
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What is wrong, in plain words: for a dataset's error (NHS_DATASET_ERROR,
 * whose message reads "file:line:column: $.path: what is wrong"), a
 * sentence from its code and place ("In event 3, “title” is missing.");
 * for any other error, its message. */
char      *nhs_error_dup_plain     (const GError *error);
/* The technical part, for the Details: the loader's message whole (file,
 * line:column, JSON path and its words); NULL when the plain words say it
 * all already */
char      *nhs_error_dup_details   (const GError *error);
/* A modal message dialog over parent: primary, the plain words, and a
 * Details expander with the technical part, selectable to copy. Closes
 * itself when answered. */
GtkWidget *nhs_error_dialog_present (GtkWindow    *parent,
                                     const char   *primary,
                                     const GError *error);
/* The dialog's Details expander, NULL where it has none */
GtkExpander *nhs_error_dialog_get_details (GtkWidget *dialog);

G_END_DECLS
