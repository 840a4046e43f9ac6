/* nhs-window-export.c: the window's exports: the chart (through
 * NhsExportDialog), the events shown as CSV, and the briefing
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each export says how it went in a toast, with Open Folder where a file
 * was written, and never leaves a half-written file (nhs_write_file_atomic).
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-briefing.h"
#include "nhs-event-writer.h"
#include "nhs-export-dialog.h"
#include "nhs-window-private.h"

static gboolean
write_csv (NhsWindow  *self,
           GFile      *file,
           guint      *n_written,
           GError    **error)
{
  g_autoptr(GPtrArray) events = nhs_event_list_dup_visible_events (self->event_list);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = _nhs_window_file_display_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save to %s: only local files can be written"), name);
      return FALSE;
    }
  nhs_write_events_csv (csv, events);
  if (!nhs_write_file_atomic (path, csv->str, csv->len, error))
    return FALSE;
  if (n_written)
    *n_written = events->len;
  return TRUE;
}

static void
export_csv_response_cb (NhsWindow            *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notice = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  name = _nhs_window_file_display_name (file);
  if (!write_csv (self, file, &n, &error))
    {
      nhs_window_show_error (self, _("Could not export the events"), error->message);
      return;
    }
  /* Translators: "Saved 12 events to events.csv" */
  notice = g_strdup_printf (ngettext ("Saved %u event to %s", "Saved %u events to %s", n), n, name);
  nhs_export_folder_remember (file, self->settings);
  _nhs_window_show_toast (self, notice, file, TOAST_SECONDS);
}

static void
chart_exported_cb (NhsWindow *self,
                   GFile     *file)
{
  g_autofree char *name = _nhs_window_file_display_name (file);
  /* Translators: after a chart export, "Saved the chart to chart.png" */
  g_autofree char *notice = g_strdup_printf (_("Saved the chart to %s"), name);

  _nhs_window_show_toast (self, notice, file, TOAST_SECONDS);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;
  const char *display_name;

  if (self->dataset == NULL)
    return;
  chooser = _nhs_window_new_chooser (self, _("Export Events as CSV"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         _("CSV Files"), "text/csv", "*.csv");
  display_name = nhs_dataset_get_display_name (self->dataset);
  base = g_path_get_basename (display_name ? display_name : "nhs-dispute.json");
  if (g_str_has_suffix (base, ".json"))
    base[strlen (base) - 5] = '\0';
  suggested = g_strdup_printf ("%s-events.csv", base);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  nhs_export_folder_restore (GTK_FILE_CHOOSER (chooser), self->settings);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_csv_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_briefing_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GPtrArray) window_and_file = user_data;
  NhsWindow *self = g_ptr_array_index (window_and_file, 0);
  g_autofree char *name = _nhs_window_file_display_name (g_ptr_array_index (window_and_file, 1));
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  if (!nhs_briefing_export_file_finish (result, &error))
    {
      nhs_window_show_error (self, _("Could not export the briefing"), error->message);
      return;
    }
  /* Translators: "Saved the briefing to nhs-dispute-briefing.pdf" */
  notice = g_strdup_printf (_("Saved the briefing to %s"), name);
  _nhs_window_show_notice (self, notice);
}

static void
export_briefing_response_cb (NhsWindow            *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GPtrArray *window_and_file;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->dataset == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      nhs_window_show_error (self, _("Could not export the briefing"), _("Choose a folder on this computer."));
      return;
    }
  window_and_file = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (window_and_file, g_object_ref (self));
  g_ptr_array_add (window_and_file, g_object_ref (file));
  /* the events shown now, as the filter is at this moment */
  nhs_briefing_export_file_async (self->dataset, self->filter, NULL, path, NULL, export_briefing_done_cb,
                                  window_and_file);
}

static void
export_briefing_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;
  const char *display_name;

  if (self->dataset == NULL)
    return;
  chooser = _nhs_window_new_chooser (self, _("Export Briefing"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         _("PDF Documents"), "application/pdf", "*.pdf");
  /* the name's ending decides the format; these say which endings there are */
  {
    g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
    g_autoptr(GtkFileFilter) html = gtk_file_filter_new ();

    gtk_file_filter_set_name (markdown, _("Markdown (.md)"));
    gtk_file_filter_add_pattern (markdown, "*.md");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), markdown);
    gtk_file_filter_set_name (html, _("Web Pages (.html)"));
    gtk_file_filter_add_pattern (html, "*.html");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), html);
  }
  display_name = nhs_dataset_get_display_name (self->dataset);
  base = g_path_get_basename (display_name ? display_name : "nhs-dispute.json");
  if (g_str_has_suffix (base, ".json"))
    base[strlen (base) - 5] = '\0';
  /* Translators: the file name suggested for a briefing; .md or .html give those formats */
  suggested = g_strdup_printf (_("%s-briefing.pdf"), base);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_briefing_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  NhsExportDialog *dialog;

  if (self->dataset == NULL)
    return;
  dialog = nhs_export_dialog_present (GTK_WINDOW (self), self->dataset, self->filter, self->chart_view);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (chart_exported_cb), self, G_CONNECT_SWAPPED);
}

/* Private API, for the tests */

gboolean
nhs_window_export_csv (NhsWindow  *self,
                       GFile      *file,
                       GError    **error)
{
  return write_csv (self, file, NULL, error);
}

void
_nhs_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, export_briefing_action);
}
