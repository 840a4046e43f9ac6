/* nhs-item-fields.c: the rows of an item's fields in the inspector
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure and the groups and sources pages lay their fields out the
 * way the event's are: a label with a mnemonic, the field, and under it
 * the loader's reason when it refuses what was typed.
 */
#include "config.h"

#include "nhs-item-fields.h"

GtkLabel *
nhs_item_fields_add_row (GtkGrid    *grid,
                         int        *row,
                         const char *label,
                         GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, title, 0, *row, 1, 1);
  gtk_grid_attach (grid, widget, 1, *row, 1, 1);

  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_grid_attach (grid, message, 1, *row + 1, 1, 1);
  *row += 2;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (title)),
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL,
                                  -1);
  return GTK_LABEL (message);
}

void
nhs_item_fields_set_message (GtkLabel   *message,
                             const char *text)
{
  gtk_label_set_label (message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (message), text != NULL);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  void (*commit) (GtkWidget *, gpointer) = g_object_get_data (G_OBJECT (entry), "nhs-commit");

  commit (entry, data);
}

GtkWidget *
nhs_item_fields_entry_new (GCallback commit,
                           gpointer  data)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (entry), "nhs-commit", commit);
  g_object_set_data (G_OBJECT (entry), "nhs-commit-data", data);
  g_signal_connect (entry, "activate", commit, data);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), data);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

char *
nhs_item_fields_entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

void
nhs_item_fields_set_entry (GtkWidget  *entry,
                           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

void
nhs_item_fields_commit_focus (GtkWidget *within)
{
  GtkRoot *root = gtk_widget_get_root (within);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
  void (*commit) (GtkWidget *, gpointer);

  if (entry == NULL || !gtk_widget_is_ancestor (entry, within))
    return;
  commit = g_object_get_data (G_OBJECT (entry), "nhs-commit");
  if (commit != NULL)
    commit (entry, g_object_get_data (G_OBJECT (entry), "nhs-commit-data"));
}

void
nhs_item_fields_select (GtkSingleSelection *selection,
                        gpointer            item)
{
  GListModel *model = gtk_single_selection_get_model (selection);

  for (guint i = 0; model && item && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) each = g_list_model_get_item (model, i);
      if ((gpointer) each == item)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
}

static void
line_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

typedef struct
{
  NhsItemLineFunc line;
} LineFactory;

static void
line_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LineFactory              *data)
{
  g_autofree char *line = data->line (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, line, -1);
}

GtkListItemFactory *
nhs_item_fields_line_factory (NhsItemLineFunc line)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LineFactory *data = g_new (LineFactory, 1);

  data->line = line;
  g_signal_connect (factory, "setup", G_CALLBACK (line_setup_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (line_bind_cb), data, (GClosureNotify) g_free, 0);
  return factory;
}
