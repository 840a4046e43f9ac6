/* nhs-item-fields.h: the rows of an item's fields in the inspector
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A labelled field in row *row of grid, the label's mnemonic (label has
 * "_") on widget, named label for screen readers; returns the label under
 * it that says what is wrong (hidden while empty), described by it for
 * screen readers. *row moves past both. */
GtkLabel  *nhs_item_fields_add_row     (GtkGrid    *grid,
                                        int        *row,
                                        const char *label,
                                        GtkWidget  *widget);
void       nhs_item_fields_set_message (GtkLabel   *message,
                                        const char *text);
/* A GtkEntry that calls commit (with data) on Enter and when the focus
 * leaves it */
GtkWidget *nhs_item_fields_entry_new   (GCallback   commit,
                                        gpointer    data);
/* The entry's text without the spaces around it (free it) */
char      *nhs_item_fields_entry_text  (GtkWidget  *entry);
void       nhs_item_fields_set_entry   (GtkWidget  *entry,
                                        const char *text);

/* Puts what is being typed in the focused entry made by
 * nhs_item_fields_entry_new () inside within into the document, as the
 * focus leaving it would: before saving or closing */
void       nhs_item_fields_commit_focus (GtkWidget *within);

/* Selects item in selection's model, or nothing when it is not there */
void       nhs_item_fields_select       (GtkSingleSelection *selection,
                                         gpointer            item);

/* An item's line of text in a list (free it) */
typedef char *(*NhsItemLineFunc) (gpointer item);

/* A factory for a list whose rows are one ellipsized line each, line (item),
 * which is the row's accessible name too */
GtkListItemFactory *nhs_item_fields_line_factory (NhsItemLineFunc line);

G_END_DECLS
