/* nhs-window-figures.c: the window's New, Duplicate and Delete Figure
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They act on the figure selected in the inspector's Figures page, the
 * one place a figure is chosen, and show that page. The shortcuts are the
 * event's with Shift: Ctrl+Shift+N, Ctrl+Shift+D, Ctrl+Shift+Delete.
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-document-items.h"
#include "nhs-window-private.h"

static NhsFigureInspector *
show_figures (NhsWindow *self)
{
  NhsInspector *inspector = nhs_window_get_inspector (self);
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (inspector), GTK_TYPE_REVEALER);

  if (revealer != NULL)
    gtk_revealer_set_reveal_child (GTK_REVEALER (revealer), TRUE);
  nhs_inspector_show_page (inspector, "figures");
  return nhs_inspector_get_figure_page (inspector);
}

static void
new_figure_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  NhsDocument *document;
  NhsFigure *figure;

  if (!nhs_window_ensure_document (self))
    return;
  document = nhs_window_get_document (self);
  now = g_date_time_new_now (nhs_dataset_get_timezone (nhs_document_get_dataset (document)));
  today = g_date_time_format (now, "%Y-%m-%d");
  figure = nhs_document_add_figure (document, today, &error);
  if (figure == NULL)
    {
      nhs_window_show_error (self, _("Could not add a figure"), error->message);
      return;
    }
  nhs_figure_inspector_set_figure (show_figures (self), figure);
}

static void
duplicate_figure_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsFigureInspector *page;
  g_autoptr(GError) error = NULL;
  NhsFigure *selected, *figure;

  if (!nhs_window_ensure_document (self))
    return;
  page = show_figures (self);
  if ((selected = nhs_figure_inspector_get_figure (page)) == NULL)
    return;
  figure = nhs_document_duplicate_figure (nhs_window_get_document (self), selected, &error);
  if (figure == NULL)
    {
      nhs_window_show_error (self, _("Could not duplicate the figure"), error->message);
      return;
    }
  nhs_figure_inspector_set_figure (page, figure);
}

static void
delete_figure_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  NhsFigure *selected;

  if (!nhs_window_ensure_document (self))
    return;
  if ((selected = nhs_figure_inspector_get_figure (show_figures (self))) == NULL)
    return;
  if (!nhs_document_delete_figure (nhs_window_get_document (self), selected, &error))
    nhs_window_show_error (self, _("Could not delete the figure"), error->message);
}

void
_nhs_window_figures_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-figure", NULL, new_figure_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-figure", NULL, duplicate_figure_action);
  gtk_widget_class_install_action (widget_class, "win.delete-figure", NULL, delete_figure_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-figure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.duplicate-figure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.delete-figure", NULL);
}
