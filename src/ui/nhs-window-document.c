/* nhs-window-document.c: the window's editing: the document behind the
 * inspector, undo and redo, Save and Save As, the questions before unsaved
 * changes would be lost, changes made on disk, and recovery after a crash
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nhs-article-reader-private.h"
#include "nhs-dataset-loader.h"
#include "nhs-error-dialog.h"
#include "nhs-event-writer.h"
#include "nhs-window-private.h"

/* Editing
 *
 * The document is made at the first edit (or when the inspector opens),
 * from the text of the dataset shown, so that opening a dataset costs
 * nothing more than before. */

static void
replace_label (GMenu      *section,
               int         position,
               const char *label,
               const char *action)
{
  g_autofree char *shown = NULL;

  if (g_menu_model_get_item_attribute (G_MENU_MODEL (section), position, G_MENU_ATTRIBUTE_LABEL, "s", &shown) &&
      g_str_equal (shown, label))
    return;
  g_menu_remove (section, position);
  g_menu_insert (section, position, label, action);
}

void
_nhs_window_update_edit_actions (NhsWindow *self)
{
  gboolean has_data = self->dataset != NULL;
  gboolean has_event = has_data && nhs_event_list_get_selected_event (self->event_list) != NULL;
  const char *undo = self->document ? nhs_document_get_undo_name (self->document) : NULL;
  const char *redo = self->document ? nhs_document_get_redo_name (self->document) : NULL;
  /* Translators: a menu item, "Undo Change of Start" */
  g_autofree char *undo_label = undo ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item, "Redo Change of Start" */
  g_autofree char *redo_label = redo ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", redo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-event", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-event", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-event", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-in-chart", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-inspector", has_data);

  if (self->edit_section == NULL)
    return;
  /* every edit comes here: only a label that changed is replaced (the
   * menu makes its items' widgets again for what changes) */
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->edit_section)) > 0)
    {
      replace_label (self->edit_section, 0, undo_label, "win.undo");
      replace_label (self->edit_section, 1, redo_label, "win.redo");
      return;
    }
  g_menu_append (self->edit_section, undo_label, "win.undo");
  g_menu_append (self->edit_section, redo_label, "win.redo");
  g_menu_append (self->edit_section, _("_Save"), "win.save");
  g_menu_append (self->edit_section, _("Save _As…"), "win.save-as");
  g_menu_append (self->edit_section, _("_New Event"), "win.new-event");
  g_menu_append (self->edit_section, _("D_uplicate Event"), "win.duplicate-event");
  g_menu_append (self->edit_section, _("De_lete Event"), "win.delete-event");
  g_menu_append (self->edit_section, _("Show or Hide the _Inspector"), "win.toggle-inspector");
}

static void
document_modified_cb (NhsWindow *self)
{
  _nhs_window_update_header (self);
}

/* Changes on disk
 *
 * The dataset's file is watched. Changed by another program while nothing
 * is edited here, the window offers to reload it; with unsaved changes,
 * saving asks before writing over it (NhsDocument). */

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
reload_response_cb (GtkDialog *dialog,
                    int        response,
                    NhsWindow *self)
{
  GFile *file = self->dataset ? nhs_dataset_get_file (self->dataset) : NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  self->asking_reload = FALSE;
  /* edited meanwhile: those changes are not thrown away unasked */
  if (response == GTK_RESPONSE_ACCEPT && file != NULL && !nhs_window_has_unsaved_changes (self))
    _nhs_window_load_file (self, file, FALSE);
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 NhsWindow         *self)
{
  g_autofree char *etag = NULL, *name = NULL;
  GtkWidget *dialog;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  etag = query_etag (file);
  /* our own save, or gone (a save by rename passes through that) */
  if (etag == NULL || g_strcmp0 (etag, self->disk_etag) == 0)
    return;
  g_free (self->disk_etag);
  self->disk_etag = g_steal_pointer (&etag);
  if (nhs_window_has_unsaved_changes (self) || self->asking_reload || self->load != NULL)
    return;

  name = _nhs_window_file_display_name (file);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("%s changed on disk"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Another program changed the file. Reload it to see its changes?"));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Keep This Version"), GTK_RESPONSE_CANCEL,
                          _("_Reload"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->asking_reload = TRUE;
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_nhs_window_watch_file (NhsWindow *self)
{
  GFile *file = self->dataset && !nhs_dataset_is_bundled (self->dataset)
                ? nhs_dataset_get_file (self->dataset) : NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->disk_etag, g_free);
  if (file == NULL)
    return;
  self->disk_etag = query_etag (file);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
}

/* Recovery
 *
 * Unsaved changes are kept in the user's cache folder as they are made
 * (the whole document, a moment after each change), so that a crash or a
 * kill loses nothing: the next start offers them back. One window's
 * changes at a time: the last to change wins. */

#define RECOVERY_DELAY_MS 200

static char *
recovery_path (const char *name)
{
  return g_build_filename (g_get_user_cache_dir (), "nhs-dispute", "recovery", name, NULL);
}

void
_nhs_window_remove_recovery (NhsWindow *self)
{
  g_autofree char *info = recovery_path ("recovery.ini");
  g_autofree char *text = recovery_path ("recovery.json");

  g_clear_handle_id (&self->recovery_timeout_id, g_source_remove);
  /* a text being written is not described when it is done */
  if (self->recovery_cancellable != NULL)
    g_cancellable_cancel (self->recovery_cancellable);
  self->recovery_again = FALSE;
  /* the description first: without it the text is never offered */
  g_remove (info);
  g_remove (text);
}

/* The description of the text just written (the file it is of, the title) */
static void
write_recovery_info (NhsWindow *self)
{
  g_autofree char *info_path = recovery_path ("recovery.ini");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *info_text = NULL;
  GFile *file = nhs_document_get_file (self->document);
  gsize len;

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (info, "recovery", "file", uri);
    }
  g_key_file_set_string (info, "recovery", "title", nhs_dataset_get_title (self->dataset));
  info_text = g_key_file_to_data (info, &len, NULL);
  if (!nhs_write_file_atomic (info_path, info_text, len, &error))
    g_warning ("Could not keep the unsaved changes: %s", error->message);
}

static void write_recovery_async (NhsWindow *self);

static void
recovery_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(NhsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean written = nhs_document_write_copy_finish (NHS_DOCUMENT (source), result, &error);

  /* cancelled: saved, discarded or closed meanwhile, and dealt with then;
   * or given up for an edit, which asks for another */
  if (!g_cancellable_is_cancelled (self->recovery_cancellable) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!written)
        g_warning ("Could not keep the unsaved changes: %s", error->message);
      else if (self->document == (NhsDocument *) source && nhs_document_get_modified (self->document))
        write_recovery_info (self);
    }
  g_clear_object (&self->recovery_cancellable);
  if (self->recovery_again)
    {
      self->recovery_again = FALSE;
      write_recovery_async (self);
    }
}

/* The whole text is made and written in a worker thread: at 100,000
 * events it takes long enough to stop the window for frames */
static void
write_recovery_async (NhsWindow *self)
{
  g_autofree char *dir = recovery_path (NULL);
  g_autofree char *text_path = recovery_path ("recovery.json");

  if (self->document == NULL || !nhs_document_get_modified (self->document))
    return;
  if (self->recovery_cancellable != NULL)
    {
      self->recovery_again = TRUE;
      return;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Could not keep the unsaved changes in %s: %s", dir, g_strerror (errno));
      return;
    }
  self->recovery_cancellable = g_cancellable_new ();
  nhs_document_write_copy_async (self->document, text_path, self->recovery_cancellable,
                                 recovery_written_cb, g_object_ref (self));
}

void
_nhs_window_write_recovery (NhsWindow *self)
{
  g_autofree char *dir = recovery_path (NULL);
  g_autofree char *info_path = recovery_path ("recovery.ini");
  g_autofree char *text_path = recovery_path ("recovery.json");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *info_text = NULL;
  GFile *file;
  gsize len;

  if (self->document == NULL || !nhs_document_get_modified (self->document))
    return;
  file = nhs_document_get_file (self->document);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (info, "recovery", "file", uri);
    }
  g_key_file_set_string (info, "recovery", "title", nhs_dataset_get_title (self->dataset));
  info_text = g_key_file_to_data (info, &len, NULL);
  /* a text being written in the background is not written after this one */
  if (self->recovery_cancellable != NULL)
    g_cancellable_cancel (self->recovery_cancellable);
  self->recovery_again = FALSE;

  /* the text, then its description: a description names a whole text */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !nhs_document_write_copy (self->document, text_path, &error) ||
      !nhs_write_file_atomic (info_path, info_text, len, &error))
    g_warning ("Could not keep the unsaved changes in %s: %s", dir, error ? error->message : g_strerror (errno));
}

static gboolean
recovery_timeout_cb (gpointer user_data)
{
  NhsWindow *self = user_data;

  self->recovery_timeout_id = 0;
  write_recovery_async (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (NhsWindow *self)
{
  _nhs_window_update_edit_actions (self);
  if (nhs_document_get_modified (self->document))
    {
      if (self->recovery_timeout_id == 0)
        self->recovery_timeout_id = g_timeout_add (RECOVERY_DELAY_MS, recovery_timeout_cb, self);
    }
  else
    _nhs_window_remove_recovery (self);
}

static void
adopt_document (NhsWindow   *self,
                NhsDocument *document);

static void
restore_response_cb (GtkDialog *dialog,
                     int        response,
                     NhsWindow *self)
{
  g_autofree char *info_path = recovery_path ("recovery.ini");
  g_autofree char *text_path = recovery_path ("recovery.json");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(NhsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    {
      if (response == GTK_RESPONSE_REJECT)
        _nhs_window_remove_recovery (self);
      return;
    }

  if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, &error))
    {
      uri = g_key_file_get_string (info, "recovery", "file", NULL);
      file = uri ? g_file_new_for_uri (uri) : NULL;
      text = g_file_load_bytes (text_file, NULL, NULL, &error);
    }
  if (text != NULL)
    document = nhs_document_new_recovered (text, file, &error);
  if (document == NULL)
    {
      nhs_error_dialog_present (GTK_WINDOW (self), _("Could not restore the unsaved changes"), error);
      return;
    }
  /* a load of the last dataset under way would replace them */
  if (self->load != NULL)
    {
      g_cancellable_cancel (self->load->cancellable);
      self->load = NULL;
      _nhs_window_stop_progress (self);
    }
  adopt_document (self, document);
  _nhs_window_write_recovery (self);
}

/* At start: changes left unsaved by a crash are offered back */
void
_nhs_window_offer_recovery (NhsWindow *self)
{
  g_autofree char *info_path = recovery_path ("recovery.ini");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *title = NULL, *uri = NULL, *name = NULL;
  GtkWidget *dialog;

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    return;
  title = g_key_file_get_string (info, "recovery", "title", NULL);
  uri = g_key_file_get_string (info, "recovery", "file", NULL);
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      name = _nhs_window_file_display_name (file);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Restore the unsaved changes?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            /* Translators: a dataset's title, then its file name */
                                            _("The app closed before changes to “%s” (%s) were saved."),
                                            title ? title : "", name ? name : _("the bundled dataset"));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Discard Them"), GTK_RESPONSE_REJECT,
                          _("_Restore"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
document_event_changed_cb (NhsWindow *self,
                           NhsEvent  *event)
{
  nhs_event_list_event_changed (self->event_list, event);
  /* its evidence may have changed */
  if (nhs_article_reader_get_event (self->reader) == event)
    nhs_article_reader_refresh (self->reader);
  /* the months the dataset covers may have changed */
  _nhs_window_update_header (self);
}

void
_nhs_window_drop_document (NhsWindow *self)
{
  _nhs_window_stop_preparing (self);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document);
  self->discarding = FALSE;
  nhs_review_panel_close (self->review_panel);
  nhs_inspector_set_document (self->inspector, NULL);
  nhs_inspector_set_notice (self->inspector, NULL);
}

static void
connect_document (NhsWindow *self)
{
  if (self->document_signals == NULL)
    {
      self->document_signals = g_signal_group_new (NHS_TYPE_DOCUMENT);
      g_signal_group_connect_swapped (self->document_signals, "notify::modified", G_CALLBACK (document_modified_cb), self);
      g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (document_changed_cb), self);
      g_signal_group_connect_swapped (self->document_signals, "event-changed", G_CALLBACK (document_event_changed_cb), self);
    }
  g_signal_group_set_target (self->document_signals, self->document);
  nhs_inspector_set_document (self->inspector, self->document);
  _nhs_window_update_edit_actions (self);
  _nhs_window_update_header (self);
}

/* Shows the document's dataset, with the document kept for it */
static void
adopt_document (NhsWindow   *self,
                NhsDocument *document)
{
  nhs_window_set_dataset (self, nhs_document_get_dataset (document));
  _nhs_window_drop_document (self);
  self->document = g_object_ref (document);
  nhs_inspector_set_notice (self->inspector, NULL);
  connect_document (self);
}

/* The text the dataset was read from, read again */
static GBytes *
dataset_text (NhsDataset   *dataset,
              GCancellable *cancellable,
              GError      **error)
{
  GFile *file = nhs_dataset_get_file (dataset);

  if (nhs_dataset_is_bundled (dataset))
    return g_resources_lookup_data (NHS_DATASET_BUNDLED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (file != NULL)
    return g_file_load_bytes (file, cancellable, NULL, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("it was not opened from a file"));
  return NULL;
}

static void
cannot_edit (NhsWindow *self,
             GError    *error,
             gboolean   quiet)
{
  /* Translators: the reason follows */
  g_autofree char *notice = g_strdup_printf (_("This dataset cannot be edited: %s"), error->message);

  nhs_inspector_set_notice (self->inspector, notice);
  if (!quiet)
    nhs_error_dialog_present (GTK_WINDOW (self), _("Could not edit the dataset"), error);
}

/* The document being made in a thread, if one is, given up */
void
_nhs_window_stop_preparing (NhsWindow *self)
{
  if (self->preparing == NULL)
    return;
  g_cancellable_cancel (self->preparing);
  g_clear_object (&self->preparing);
}

gboolean
_nhs_window_ensure_document (NhsWindow *self,
                 gboolean   quiet)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document != NULL)
    return TRUE;
  if (self->dataset == NULL)
    return FALSE;
  /* a thread reads the dataset until its document is made: nothing edits
   * it meanwhile */
  if (self->preparing != NULL)
    {
      if (!quiet)
        _nhs_window_show_notice (self, _("The dataset is still being prepared for editing"));
      return FALSE;
    }

  text = dataset_text (self->dataset, NULL, &error);
  if (text != NULL)
    self->document = nhs_document_new (self->dataset, text, &error);
  if (self->document == NULL)
    {
      cannot_edit (self, error, quiet);
      return FALSE;
    }

  nhs_inspector_set_notice (self->inspector, NULL);
  connect_document (self);
  return TRUE;
}

/* Making the document reads the file again and keeps its tree: at many
 * events, seconds (docs/benchmarks.md), so when the inspector opens it is
 * made in a thread, the window answering meanwhile and the inspector
 * saying so. The dataset is not edited until the document exists. */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  NhsDataset *dataset = task_data;
  g_autoptr(GBytes) text = NULL;
  GError *error = NULL;
  NhsDocument *document = NULL;

  text = dataset_text (dataset, cancellable, &error);
  if (text != NULL)
    document = nhs_document_new (dataset, text, &error);
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  NhsWindow *self = NHS_WINDOW (source);
  g_autoptr(NhsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  /* stopped: another dataset, the window closing, or made meanwhile */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->preparing);
  if (document == NULL)
    {
      cannot_edit (self, error, TRUE);
      return;
    }
  self->document = g_steal_pointer (&document);
  nhs_inspector_set_notice (self->inspector, NULL);
  connect_document (self);
}

void
_nhs_window_open_document (NhsWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->document != NULL || self->preparing != NULL || self->dataset == NULL)
    return;
  if (nhs_dataset_get_n_events (self->dataset) < self->prepare_threshold)
    {
      _nhs_window_ensure_document (self, TRUE);
      return;
    }
  nhs_inspector_set_notice (self->inspector, _("Preparing the dataset for editing…"));
  self->preparing = g_cancellable_new ();
  task = g_task_new (self, self->preparing, prepared_cb, NULL);
  g_task_set_source_tag (task, _nhs_window_open_document);
  g_task_set_task_data (task, g_object_ref (self->dataset), g_object_unref);
  g_task_run_in_thread (task, prepare_thread);
}

/* Says how a save went; TRUE when it was saved */
static gboolean
finish_save (NhsWindow *self,
             GError    *error)
{
  g_autofree char *name = NULL, *notice = NULL, *uri = NULL;
  GFile *file;

  if (error != NULL)
    {
      /* the document stays unsaved, and the file as it was */
      nhs_window_show_error (self, _("Could not save the dataset"), error->message);
      return FALSE;
    }
  file = nhs_document_get_file (self->document);
  /* our own change: not one to offer a reload for */
  if (self->dataset != NULL && nhs_dataset_get_file (self->dataset) != NULL &&
      g_file_equal (file, nhs_dataset_get_file (self->dataset)))
    {
      g_free (self->disk_etag);
      self->disk_etag = query_etag (file);
    }
  name = _nhs_window_file_display_name (file);
  uri = g_file_get_uri (file);
  g_settings_set_string (self->settings, "last-dataset", uri);
  /* Translators: "Saved mydata.json" */
  notice = g_strdup_printf (_("Saved %s"), name);
  _nhs_window_show_notice (self, notice);
  return TRUE;
}

/* What was waiting for the unsaved changes to be settled */
static void
after_save (NhsWindow *self,
            gboolean   settled)
{
  g_autoptr(GFile) open = g_steal_pointer (&self->pending_open);
  gboolean close = self->close_after_save;

  self->close_after_save = FALSE;
  if (!settled)
    return;
  if (close)
    {
      self->discarding = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (open != NULL)
    _nhs_window_load_file (self, open, FALSE);
}

static gboolean
save_document (NhsWindow *self,
               GFile     *file)
{
  g_autoptr(GError) error = NULL;

  nhs_document_save_as (self->document, file, &error);
  return finish_save (self, error);
}

static void
overwrite_response_cb (GtkDialog *dialog,
                       int        response,
                       NhsWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    {
      after_save (self, FALSE);
      return;
    }
  nhs_document_save_overwriting (self->document, &error);
  after_save (self, finish_save (self, error));
}

/* The file changed on disk since it was opened: written over only when
 * asked to */
static void
ask_overwrite (NhsWindow  *self,
               const char *message)
{
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s", message);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Saving writes over the changes made to it elsewhere. Save As keeps both."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Overwrite"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_as_response_cb (NhsWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  after_save (self, file != NULL && save_document (self, file));
}

static void
ask_save_as (NhsWindow *self)
{
  GtkFileChooserNative *chooser;
  GFile *file = nhs_document_get_file (self->document);
  g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("nhs-dispute.json");

  chooser = _nhs_window_new_chooser (self, _("Save Dataset As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                         _("Datasets (JSON)"), "application/json", "*.json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Save: the bundled dataset is read-only, so it asks for a place */
static void
save (NhsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (nhs_document_get_file (self->document) == NULL)
    {
      ask_save_as (self);
      return;
    }
  if (!nhs_document_save (self->document, &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      ask_overwrite (self, error->message);
      return;
    }
  after_save (self, finish_save (self, error));
}

static void
ask_response_cb (GtkDialog *dialog,
                 int        response,
                 NhsWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      save (self);
      break;
    case GTK_RESPONSE_REJECT:
      self->discarding = TRUE;
      _nhs_window_remove_recovery (self);
      after_save (self, TRUE);
      break;
    default:
      after_save (self, FALSE);
      break;
    }
}

/* With unsaved changes, asks Save, Discard or Cancel and returns TRUE:
 * the answer then goes on with what was asked (close_after_save,
 * pending_open), or not */
gboolean
_nhs_window_ask_to_save (NhsWindow *self)
{
  GtkWidget *dialog;

  if (self->discarding || self->document == NULL || !nhs_document_get_modified (self->document))
    return FALSE;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the changes to “%s”?"), nhs_dataset_get_title (self->dataset));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you do not save them, your changes will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  if (self->document != NULL)
    nhs_document_undo (self->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  if (self->document != NULL)
    nhs_document_redo (self->document);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  nhs_inspector_commit_focus (self->inspector);
  if (_nhs_window_ensure_document (self, FALSE))
    save (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  nhs_inspector_commit_focus (self->inspector);
  if (_nhs_window_ensure_document (self, FALSE))
    ask_save_as (self);
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  NhsEvent *event;

  if (!_nhs_window_ensure_document (self, FALSE))
    return;
  now = g_date_time_new_now (nhs_dataset_get_timezone (self->dataset));
  today = g_date_time_format (now, "%Y-%m-%d");
  event = nhs_document_add_event (self->document, today, &error);
  if (event == NULL)
    {
      nhs_window_show_error (self, _("Could not add an event"), error->message);
      return;
    }
  gtk_revealer_set_reveal_child (self->inspector_revealer, TRUE);
  _nhs_window_activate_event (self, event);
}

static void
duplicate_event_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsEvent *selected = nhs_event_list_get_selected_event (self->event_list);
  g_autoptr(GError) error = NULL;
  NhsEvent *event;

  if (selected == NULL || !_nhs_window_ensure_document (self, FALSE))
    return;
  event = nhs_document_duplicate_event (self->document, selected, &error);
  if (event == NULL)
    {
      nhs_window_show_error (self, _("Could not duplicate the event"), error->message);
      return;
    }
  _nhs_window_activate_event (self, event);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsEvent *selected = nhs_event_list_get_selected_event (self->event_list);
  g_autoptr(GError) error = NULL;

  if (selected == NULL || !_nhs_window_ensure_document (self, FALSE))
    return;
  if (!nhs_document_delete_event (self->document, selected, &error))
    nhs_window_show_error (self, _("Could not delete the event"), error->message);
}

/* The words selected in the article's body, exactly; NULL for none */
static char *
dup_selected_quote (NhsWindow *self)
{
  return nhs_article_reader_dup_selected_quote (self->reader);
}

static void
cite_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsEvent *event = nhs_event_list_get_selected_event (self->event_list);
  NhsArticle *article = nhs_article_reader_get_article (self->reader);
  g_autofree char *quote = dup_selected_quote (self);
  g_autofree char *notice = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (quote == NULL)
    {
      _nhs_window_show_notice (self, _("Select words in an article to cite them"));
      return;
    }
  if (event == NULL)
    {
      _nhs_window_show_notice (self, _("Select the event the words are evidence for, then cite them"));
      return;
    }
  if (!_nhs_window_ensure_document (self, FALSE))
    return;
  if (!nhs_document_cite_article (self->document, event, article, quote, &error))
    {
      nhs_window_show_error (self, _("Could not cite the selection"), error->message);
      return;
    }
  /* show the new evidence: the event's last */
  nhs_article_reader_show_event (self->reader, event);
  n = nhs_event_get_evidence (event)->len;
  nhs_article_reader_show_evidence (self->reader, n - 1);
  /* Translators: after Cite Selection, the event's title */
  notice = g_strdup_printf (_("Cited as evidence for “%s”"), nhs_event_get_title (event));
  _nhs_window_show_notice (self, notice);
}

/* Edit in Inspector, from the events' context menu: the inspector opens
 * on the selected event, with the focus */
static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsEvent *selected = nhs_event_list_get_selected_event (self->event_list);
  GtkWidget *focus;

  if (selected == NULL)
    return;
  nhs_window_inspect_event (self, selected, TRUE);
  /* the inspector itself takes no focus: its first field does */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->inspector)))
    gtk_widget_child_focus (GTK_WIDGET (self->inspector), GTK_DIR_TAB_FORWARD);
}

static void
toggle_inspector_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  gboolean reveal = !gtk_revealer_get_reveal_child (self->inspector_revealer);

  gtk_revealer_set_reveal_child (self->inspector_revealer, reveal);
  if (reveal)
    _nhs_window_open_document (self);
}

void
_nhs_window_document_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-event", NULL, duplicate_event_action);
  gtk_widget_class_install_action (widget_class, "win.delete-event", NULL, delete_event_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);
  gtk_widget_class_install_action (widget_class, "win.edit-event", NULL, edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.cite-selection", NULL, cite_selection_action);

  /* bindings: a text field that has the focus undoes its own typing first */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.duplicate-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.toggle-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.cite-selection", NULL);
}

/* GObject overrides */

/* Public API, and the private API of nhs-window-private.h */

gboolean
nhs_window_has_unsaved_changes (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  return self->document != NULL && nhs_document_get_modified (self->document);
}

gboolean
nhs_window_ensure_document (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  return _nhs_window_ensure_document (self, FALSE);
}

void
nhs_window_inspect_event (NhsWindow *self,
                          NhsEvent  *event,
                          gboolean   open_inspector)
{
  g_return_if_fail (NHS_IS_WINDOW (self));

  nhs_event_list_select_event (self->event_list, event);
  if (open_inspector && self->dataset != NULL)
    {
      _nhs_window_open_document (self);
      gtk_revealer_set_reveal_child (self->inspector_revealer, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->inspector));
    }
}
