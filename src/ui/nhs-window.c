/* nhs-window.c: the main window
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart on top of the event list and the article reader, all watching
 * one NhsEventFilter and one selected event. Datasets load in a worker
 * thread; the one shown stays until the next is ready, and stays for good
 * when the next one fails. A dataset loaded is handed to the chart, the
 * list and the reader a frame at a time (nhs-window-handover.c).
 *
 * Editing, saving and recovery are in nhs-window-document.c, the exports
 * in nhs-window-export.c, Add Article in nhs-window-import.c; the struct
 * they share is in nhs-window-private.h.
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-adaptive-bin.h"
#include "nhs-article-reader.h"
#include "nhs-article-reader-private.h"
#include "nhs-chart-view.h"
#include "nhs-dataset-loader.h"
#include "nhs-document.h"
#include "nhs-error-dialog.h"
#include "nhs-event-list.h"
#include "nhs-filter-settings.h"
#include "nhs-inspector.h"
#include "nhs-time-zone.h"
#include "nhs-window.h"
#include "nhs-window-private.h"

/* a load that takes longer than this shows its progress */
#define PROGRESS_DELAY_MS 300
/* characters of a dataset's title shown in the header and window title */
#define HEADER_TITLE_MAX 300
G_DEFINE_FINAL_TYPE (NhsWindow, nhs_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->cancellable);
  g_object_unref (data->file);
  g_free (data);
}

static void
show_error (NhsWindow  *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hide_toast (NhsWindow *self)
{
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  g_clear_object (&self->toast_folder);
  gtk_revealer_set_reveal_child (self->toast_revealer, FALSE);
}

static gboolean
toast_timeout_cb (gpointer user_data)
{
  NhsWindow *self = user_data;

  self->toast_timeout_id = 0;
  hide_toast (self);
  return G_SOURCE_REMOVE;
}

/* A short notice over the bottom of the window that goes by itself (after
 * seconds, or never when 0), with Open Folder when a saved file is given. It
 * covers the content rather than pushing it, so nothing moves. */
void
_nhs_window_show_toast (NhsWindow  *self,
            const char *text,
            GFile      *folder,
            guint       seconds)
{
  hide_toast (self);
  gtk_label_set_label (self->toast_label, text);
  g_set_object (&self->toast_folder, folder);
  gtk_button_set_label (self->toast_button, _("Open _Folder"));
  gtk_button_set_use_underline (self->toast_button, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->toast_button), folder != NULL);
  gtk_revealer_set_reveal_child (self->toast_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toast_label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (seconds > 0)
    self->toast_timeout_id = g_timeout_add_seconds (seconds, toast_timeout_cb, self);
}

void
_nhs_window_show_notice (NhsWindow  *self,
             const char *text)
{
  _nhs_window_show_toast (self, text, NULL, 0);
}

/* Datasets opened in the window go in the desktop's recent files, in a
 * group of their own */
#define RECENT_GROUP "nhs-dispute-datasets"
#define MAX_RECENT 8

static int
compare_recent_cb (gconstpointer a,
                   gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *mb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (mb, ma);
}

/* The name the window registers its datasets under. GTK 4.8 does not
 * always keep the group it is given with an item: gtk_recent_manager_add_full()
 * tests the first byte of the groups array (the low byte of the first
 * string's address) for zero, so a group string at an address ending in
 * 00 is dropped. The application's name tells our datasets too. */
static const char *
recent_app_name (void)
{
  const char *app_name = g_get_application_name ();

  return app_name ? app_name : "nhs-dispute";
}

/* Open Recent: the bundled dataset always, then the last datasets opened */
static void
update_recent_menu (NhsWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  g_autoptr(GMenuItem) bundled = g_menu_item_new (_("Bundled Dataset"), "win.open-bundled");

  g_menu_remove_all (self->recent_section);
  g_menu_append_item (self->recent_section, bundled);
  for (GList *l = items; l != NULL; l = l->next)
    if ((gtk_recent_info_has_group (l->data, RECENT_GROUP) ||
         gtk_recent_info_has_application (l->data, recent_app_name ())) &&
        gtk_recent_info_exists (l->data))
      g_ptr_array_add (ours, l->data);
  g_ptr_array_sort (ours, compare_recent_cb);
  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = NULL;

      /* plain text in a menu label: no markup, and no mnemonic either */
      item = g_menu_item_new (NULL, NULL);
      g_menu_item_set_attribute (item, "label", "s", gtk_recent_info_get_display_name (info));
      g_menu_item_set_attribute (item, "use-markup", "b", FALSE);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
remember_recent (GFile *file)
{
  static const char *groups[] = { RECENT_GROUP, NULL };
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) "application/json",
    .app_name = (char *) recent_app_name (),
    .app_exec = (char *) "nhs-dispute %u",
    .groups = (char **) groups,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* The three panes (or what stands in each: another helper may put a pane
 * beside the list), wherever they are now */
typedef struct
{
  GtkWidget *chart;
  GtkWidget *list;
  GtkWidget *reader;
} Panes;

static void
take_panes (NhsWindow *self,
            Panes     *panes)
{
  GtkPaned *list_paned = self->list_paned;

  if (gtk_paned_get_start_child (self->chart_paned) != NULL)
    {
      panes->chart = g_object_ref (gtk_paned_get_start_child (self->chart_paned));
      panes->list = g_object_ref (gtk_paned_get_start_child (list_paned));
      panes->reader = g_object_ref (gtk_paned_get_end_child (list_paned));
      gtk_paned_set_start_child (self->chart_paned, NULL);
      gtk_paned_set_start_child (list_paned, NULL);
      gtk_paned_set_end_child (list_paned, NULL);
    }
  else
    {
      panes->chart = g_object_ref (gtk_widget_get_first_child (GTK_WIDGET (self->chart_slot)));
      panes->list = g_object_ref (gtk_widget_get_first_child (GTK_WIDGET (self->list_slot)));
      panes->reader = g_object_ref (gtk_widget_get_first_child (GTK_WIDGET (self->reader_slot)));
      gtk_box_remove (self->chart_slot, panes->chart);
      gtk_box_remove (self->list_slot, panes->list);
      gtk_box_remove (self->reader_slot, panes->reader);
    }
}

/* Moves the panes between the paned layout and the views of the narrow
 * one. The widgets stay the same, so the selection, the article shown and
 * the chart's range stay too. */
static gboolean
update_layout_cb (gpointer user_data)
{
  NhsWindow *self = user_data;
  gboolean narrow = nhs_adaptive_bin_get_narrow (self->layout_bin);
  gboolean is_narrow = gtk_paned_get_start_child (self->chart_paned) == NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  Panes panes = { NULL, NULL, NULL };
  /* the positions the user set, kept while the panes are away */
  int chart_position = gtk_paned_get_position (self->chart_paned);
  int list_position = gtk_paned_get_position (self->list_paned);

  self->layout_idle_id = 0;
  nhs_event_list_set_compact (self->event_list, narrow || nhs_adaptive_bin_get_compact (self->layout_bin));
  /* a narrow header gives the dataset's title the room: Open and Export
   * stay in the main menu, and on Ctrl+O and Ctrl+E */
  gtk_widget_set_visible (self->open_button, !narrow);
  gtk_widget_set_visible (self->export_button, !narrow);
  if (narrow == is_narrow)
    return G_SOURCE_REMOVE;

  if (focus != NULL)
    g_object_ref (focus);
  take_panes (self, &panes);
  if (narrow)
    {
      gtk_box_append (self->chart_slot, panes.chart);
      gtk_box_append (self->list_slot, panes.list);
      gtk_box_append (self->reader_slot, panes.reader);
      gtk_widget_set_vexpand (panes.chart, TRUE);
      gtk_widget_set_vexpand (panes.list, TRUE);
      gtk_widget_set_vexpand (panes.reader, TRUE);
    }
  else
    {
      gtk_widget_set_vexpand (panes.chart, FALSE);
      gtk_widget_set_vexpand (panes.list, FALSE);
      gtk_widget_set_vexpand (panes.reader, FALSE);
      gtk_paned_set_start_child (self->chart_paned, panes.chart);
      gtk_paned_set_start_child (self->list_paned, panes.list);
      gtk_paned_set_end_child (self->list_paned, panes.reader);
      gtk_paned_set_position (self->chart_paned, chart_position);
      gtk_paned_set_position (self->list_paned, list_position);
    }
  g_object_unref (panes.chart);
  g_object_unref (panes.list);
  g_object_unref (panes.reader);

  if (focus != NULL)
    {
      /* the view that holds the focus shows */
      if (narrow)
        gtk_stack_set_visible_child_name (self->view_stack,
                                          gtk_widget_is_ancestor (focus, panes.chart) ? "chart" :
                                          gtk_widget_is_ancestor (focus, panes.reader) ? "article" : "events");
      gtk_widget_grab_focus (focus);
      g_object_unref (focus);
    }
  return G_SOURCE_REMOVE;
}

/* The panes in the order F6 visits them, those on screen only */
static guint
visible_panes (NhsWindow *self,
               GtkWidget *panes[3])
{
  GtkWidget *all[] = { GTK_WIDGET (self->chart_view), GTK_WIDGET (self->event_list), GTK_WIDGET (self->reader) };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    panes[n++] = all[i];
  return n;
}

static void
focus_pane (NhsWindow *self,
            GtkWidget *pane)
{
  if (nhs_adaptive_bin_get_narrow (self->layout_bin))
    gtk_stack_set_visible_child_name (self->view_stack,
                                      pane == GTK_WIDGET (self->chart_view) ? "chart" :
                                      pane == GTK_WIDGET (self->reader) ? "article" : "events");
  if (pane == GTK_WIDGET (self->event_list))
    nhs_event_list_focus_rows (self->event_list);
  else if (pane == GTK_WIDGET (self->reader))
    nhs_article_reader_focus_text (self->reader);
  else
    gtk_widget_grab_focus (pane);
}

static char *
format_month (gint64     us,
              GTimeZone *tz)
{
  g_autoptr(GDateTime) local = nhs_time_zone_local (tz, us);

  /* Translators: the month at either end of the dataset; see g_date_time_format() */
  return g_date_time_format (local, _("%B %Y"));
}

void
_nhs_window_update_header (NhsWindow *self)
{
  gint64 start_us, end_us;

  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;

  if (self->dataset == NULL)
    {
      gtk_label_set_label (self->title_label, _("NHS Dispute Explorer"));
      gtk_window_set_title (GTK_WINDOW (self), _("NHS Dispute Explorer"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }

  /* A title is a line, but a dataset may hold megabytes there: the label
   * lays out all it is given before it ellipsizes, and the window title
   * goes to the window manager whole. More than a screen's width is cut. */
  title = g_strdup (nhs_dataset_get_title (self->dataset));
  /* (at most four bytes a character: the count stops soon after the cut) */
  if (g_utf8_strlen (title, 4 * HEADER_TITLE_MAX + 4) > HEADER_TITLE_MAX)
    {
      g_autofree char *cut = g_utf8_substring (title, 0, HEADER_TITLE_MAX);

      g_free (title);
      title = g_strconcat (cut, "…", NULL);
    }
  /* set only when changed: the header follows every edit */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->title_label)), title) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  if (self->document != NULL && nhs_document_get_modified (self->document))
    {
      /* Translators: the title of a dataset with unsaved changes */
      g_autofree char *modified = g_strdup_printf (_("• %s"), title);

      g_free (title);
      title = g_steal_pointer (&modified);
    }
  gtk_label_set_label (self->title_label, title);
  /* the document's name first, as GNOME's windows have it: window lists
   * and screen readers tell one dataset from another */
  /* Translators: the window's title: the dataset's title, then the app's name */
  window_title = g_strdup_printf (_("%s — NHS Dispute Explorer"), title);
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), window_title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), window_title);
  if (nhs_dataset_get_time_bounds (self->dataset, &start_us, &end_us))
    {
      GTimeZone *tz = nhs_dataset_get_timezone (self->dataset);
      g_autofree char *first = format_month (start_us, tz);
      /* the end is exclusive */
      g_autofree char *last = format_month (end_us - 1, tz);
      g_autofree char *range = NULL;

      if (g_str_equal (first, last))
        range = g_strdup (first);
      else
        /* Translators: the months the dataset covers, "January 2023 to July 2025" */
        range = g_strdup_printf (_("%s to %s"), first, last);
      gtk_label_set_label (self->subtitle_label, range);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
}

static void
update_actions (NhsWindow *self)
{
  gboolean has_data = self->dataset != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-briefing", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", self->load != NULL);
  _nhs_window_update_edit_actions (self);
}

/* Days in the filter count in the dataset's time zone */
static void
move_range_to_timezone (NhsWindow *self)
{
  GTimeZone *tz = nhs_dataset_get_timezone (self->dataset);
  GDateTime *from = nhs_event_filter_get_from (self->filter);
  GDateTime *to = nhs_event_filter_get_to (self->filter);
  g_autoptr(GDateTime) new_from = from ? nhs_day_in_timezone (from, tz) : NULL;
  g_autoptr(GDateTime) new_to = to ? nhs_day_in_timezone (to, tz) : NULL;

  if (from != NULL || to != NULL)
    nhs_event_filter_set_range (self->filter, new_from, new_to);
}

void
_nhs_window_stop_progress (NhsWindow *self)
{
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

static void
finish_load (NhsWindow *self)
{
  g_clear_pointer (&self->load, load_data_free);
  _nhs_window_stop_progress (self);
  update_actions (self);
}

char *
_nhs_window_file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path ? g_filename_display_basename (path) : g_file_get_uri (file);
}

GtkFileChooserNative *
_nhs_window_new_chooser (NhsWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *filter_name,
             const char           *mime_type,
             const char           *pattern)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* kept until it answers: a native dialog is not owned by anyone else */
  self->chooser = chooser;
  return chooser;
}

/* Callbacks */

static gboolean
progress_timeout_cb (gpointer user_data)
{
  NhsWindow *self = user_data;

  self->progress_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  LoadData *data = user_data;

  if (g_cancellable_is_cancelled (data->cancellable))
    return;
  gtk_progress_bar_set_fraction (data->window->progress_bar, fraction);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadData *data = user_data;
  NhsWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_file_finish (result, &error);
  g_autofree char *name = NULL;
  gboolean at_start = data->at_start;

  /* a newer load took over, or the window closed */
  if (self->load != data || g_cancellable_is_cancelled (data->cancellable))
    {
      if (self->load == data)
        finish_load (self);
      else
        load_data_free (data);
      return;
    }

  name = _nhs_window_file_display_name (data->file);
  if (dataset != NULL)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      g_settings_set_string (self->settings, "last-dataset", uri);
      remember_recent (data->file);
      /* loaded, but still loading until the views have it: the progress
       * shown stays until then */
      g_clear_pointer (&self->load, load_data_free);
      g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
      update_actions (self);
      _nhs_window_hand_over (self, dataset);
      return;
    }

  finish_load (self);
  if (at_start)
    {
      g_autofree char *notice = NULL;

      /* forget it, so the next start does not stumble again */
      g_settings_set_string (self->settings, "last-dataset", "");
      nhs_window_load_bundled (self);
      g_autofree char *plain = nhs_error_dup_plain (error);

      /* a toast has no room for the details: the words only */
      notice = g_strdup_printf (_("The last dataset, %s, could not be opened, so the bundled dataset is shown. %s"),
                                name, plain);
      _nhs_window_show_notice (self, notice);
      return;
    }

  /* with nothing shown yet (a bad --dataset), show the bundled data */
  if (self->dataset == NULL)
    nhs_window_load_bundled (self);
  nhs_error_dialog_present (GTK_WINDOW (self), _("Could not open the dataset"), error);
}

static void
open_response_cb (NhsWindow            *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        nhs_window_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
selected_event_cb (NhsWindow *self)
{
  NhsEvent *event = nhs_event_list_get_selected_event (self->event_list);

  nhs_chart_view_set_selected_event (self->chart_view, event);
  /* an event filtered out of the list stays in the reader */
  if (event != NULL)
    nhs_article_reader_show_event (self->reader, event);
  nhs_inspector_set_event (self->inspector, event);
  _nhs_window_update_edit_actions (self);
}

/* From the chart or the reader: select it in the list, or where the filter
 * hides it there, show it everywhere else */
void
_nhs_window_activate_event (NhsWindow *self,
                NhsEvent  *event)
{
  /* the list and the reader may not have the dataset yet */
  _nhs_window_finish_hand_over (self);
  if (nhs_event_list_select_event (self->event_list, event))
    return;
  nhs_chart_view_set_selected_event (self->chart_view, event);
  nhs_article_reader_show_event (self->reader, event);
}

static void
chart_event_activated_cb (NhsWindow *self,
                          NhsEvent  *event)
{
  _nhs_window_activate_event (self, event);
}

static void
reader_event_activated_cb (NhsWindow *self,
                           NhsEvent  *event)
{
  _nhs_window_activate_event (self, event);
}

static void
list_event_activated_cb (NhsWindow *self,
                         NhsEvent  *event)
{
  nhs_article_reader_show_event (self->reader, event);
  if (nhs_adaptive_bin_get_narrow (self->layout_bin))
    gtk_stack_set_visible_child_name (self->view_stack, "article");
  nhs_article_reader_reveal (self->reader);
}

static void
filter_changed_cb (NhsWindow *self)
{
  nhs_filter_settings_save (self->settings, self->filter);
}

static void
sort_changed_cb (NhsWindow *self)
{
  gboolean descending;
  const char *column = nhs_event_list_get_sort (self->event_list, &descending);

  g_settings_set_string (self->settings, "list-sort-column", column);
  g_settings_set_boolean (self->settings, "list-sort-descending", descending);
}

static void
narrow_changed_cb (NhsWindow *self)
{
  /* not from the allocation, which reports it */
  if (self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout_cb, self, NULL);
}

/* Open Folder: the desktop's file manager shows the folder with the file
 * selected (org.freedesktop.FileManager1, as GNOME apps do); no program
 * of ours is run and no address is opened */
static void
toast_button_clicked_cb (NhsWindow *self)
{
  GApplication *app = g_application_get_default ();
  GDBusConnection *bus = app ? g_application_get_dbus_connection (app) : NULL;
  g_autoptr(GVariantBuilder) uris = g_variant_builder_new (G_VARIANT_TYPE ("as"));
  g_autofree char *uri = NULL;

  if (self->toast_folder == NULL)
    return;
  uri = g_file_get_uri (self->toast_folder);
  g_variant_builder_add (uris, "s", uri);
  if (bus != NULL)
    g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                            "org.freedesktop.FileManager1", "ShowItems",
                            g_variant_new ("(ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                            NULL, NULL, NULL);
  hide_toast (self);
}

static gboolean
close_request_cb (NhsWindow *self)
{
  /* what is being typed counts as a change */
  nhs_inspector_commit_focus (self->inspector);
  /* unsaved changes: ask first; the answer closes the window or not */
  if (_nhs_window_ask_to_save (self))
    {
      self->close_after_save = TRUE;
      return TRUE;
    }
  /* saved, or discarded as asked: nothing to recover */
  _nhs_window_remove_recovery (self);
  g_settings_apply (self->state_settings);
  return FALSE;
}

static gboolean
drop_cb (NhsWindow        *self,
         const GValue     *value,
         double            x,
         double            y,
         GtkDropTarget    *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  /* one dataset at a time: the last file wins, as on the command line */
  nhs_window_open_file (self, g_slist_last (files)->data);
  return TRUE;
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  GtkFileChooserNative *chooser = _nhs_window_new_chooser (self, _("Open Dataset"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("Datasets (JSON)"), "application/json", "*.json");

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  nhs_window_load_bundled (self);
  /* and at the next start too */
  g_settings_set_string (self->settings, "last-dataset", "");
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  nhs_window_open_file (NHS_WINDOW (widget), file);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nhs_event_list_focus_search (NHS_WINDOW (widget)->event_list);
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  if (self->load == NULL)
    return;
  g_cancellable_cancel (self->load->cancellable);
  /* the worker finishes on its own; its result is dropped */
  self->load = NULL;
  _nhs_window_stop_progress (self);
  update_actions (self);
  if (self->dataset == NULL)
    nhs_window_load_bundled (self);
}

static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  hide_toast (NHS_WINDOW (widget));
}

static void
pane_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *panes[3];
  guint n = visible_panes (self, panes);
  int step = g_str_equal (action_name, "win.previous-pane") ? -1 : 1;
  int current = -1;

  for (guint i = 0; i < n && focus != NULL; i++)
    if (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i]))
      current = (int) i;
  if (current < 0)
    current = step > 0 ? -1 : (int) n;
  focus_pane (self, panes[((current + step) % (int) n + (int) n) % (int) n]);
}

/* From the events' context menu: the chart shows the selected event,
 * highlighted and in view, and takes the focus (in the narrow layout, its
 * view shows) */
static void
show_in_chart_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsEvent *event = nhs_event_list_get_selected_event (self->event_list);

  if (event == NULL)
    return;
  nhs_chart_view_set_selected_event (self->chart_view, event);
  focus_pane (self, GTK_WIDGET (self->chart_view));
}

/* The zoom keys zoom the chart wherever the focus is, except in the
 * reader, whose own keys zoom its text */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  const char *chart_action = g_str_equal (action_name, "win.zoom-in") ? "chart.zoom-in" :
                             g_str_equal (action_name, "win.zoom-out") ? "chart.zoom-out" : "chart.zoom-reset";

  gtk_widget_activate_action (GTK_WIDGET (self->chart_view), chart_action, NULL);
}
static void
nhs_window_dispose (GObject *object)
{
  NhsWindow *self = NHS_WINDOW (object);

  if (self->load != NULL)
    {
      g_cancellable_cancel (self->load->cancellable);
      self->load = NULL;
    }
  _nhs_window_stop_hand_over (self);
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  _nhs_window_stop_preparing (self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  /* destroyed without being asked (the session ending): keep the changes */
  if (self->recovery_timeout_id != 0 || self->recovery_cancellable != NULL)
    {
      g_clear_handle_id (&self->recovery_timeout_id, g_source_remove);
      _nhs_window_write_recovery (self);
    }
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  g_clear_object (&self->toast_folder);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->state_settings != NULL)
    g_settings_apply (self->state_settings);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->document_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_WINDOW);
  G_OBJECT_CLASS (nhs_window_parent_class)->dispose (object);
}

static void
nhs_window_finalize (GObject *object)
{
  NhsWindow *self = NHS_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->pending_open);
  g_clear_pointer (&self->disk_etag, g_free);
  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->state_settings);
  G_OBJECT_CLASS (nhs_window_parent_class)->finalize (object);
}

static void
nhs_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NhsWindow *self = NHS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NhsWindow *self = NHS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      nhs_window_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_window_class_init (NhsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_window_dispose;
  object_class->finalize = nhs_window_finalize;
  object_class->get_property = nhs_window_get_property;
  object_class->set_property = nhs_window_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, NHS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  /* after the focused widget's own Escape (a search clears, a bar closes) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-open", NULL);
  gtk_widget_class_install_action (widget_class, "win.dismiss-notice", NULL, dismiss_notice_action);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, pane_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, pane_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-chart", NULL, show_in_chart_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  /* A binding, not an application accelerator, so that the reader's own
   * Ctrl+F (find in the article) wins while it has the focus */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  _nhs_window_document_class_init (widget_class);
  _nhs_window_export_class_init (widget_class);
  _nhs_window_import_class_init (widget_class);
  _nhs_window_figures_class_init (widget_class);
  _nhs_window_evidence_class_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.previous-pane", NULL);
  /* the chart's own bindings work only while it has the focus; these work
   * everywhere else (the reader's bindings win inside the reader) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);

  g_type_ensure (NHS_TYPE_ADAPTIVE_BIN);
  g_type_ensure (NHS_TYPE_CHART_VIEW);
  g_type_ensure (NHS_TYPE_EVENT_LIST);
  g_type_ensure (NHS_TYPE_ARTICLE_READER);
  g_type_ensure (NHS_TYPE_INSPECTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, toast_button);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, layout_bin);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, list_slot);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, reader_slot);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, chart_paned);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, list_paned);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, review_panel);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, chart_event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_event_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, toast_button_clicked_cb);
}

static void
nhs_window_init (NhsWindow *self)
{
  g_autoptr(GSimpleActionGroup) layout_actions = NULL;
  g_autoptr(GPropertyAction) view_action = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->prepare_threshold = NHS_WINDOW_PREPARE_IN_THREAD;

  self->settings = g_settings_new (APP_ID);
  self->state_settings = g_settings_new (APP_ID);
  g_settings_delay (self->state_settings);
  g_settings_bind (self->state_settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->state_settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->state_settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->state_settings, "chart-pane-position", self->chart_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->state_settings, "list-pane-position", self->list_paned, "position", G_SETTINGS_BIND_DEFAULT);

  self->filter = nhs_event_filter_new ();
  nhs_filter_settings_restore (self->settings, self->filter, NULL);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  nhs_chart_view_set_filter (self->chart_view, self->filter);
  nhs_event_list_set_filter (self->event_list, self->filter);
  {
    g_autofree char *sort_column = g_settings_get_string (self->settings, "list-sort-column");

    nhs_event_list_set_sort (self->event_list, sort_column,
                             g_settings_get_boolean (self->settings, "list-sort-descending"));
    g_signal_connect_object (self->event_list, "sort-changed", G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  }

  /* the narrow layout's view switcher shows and sets the stack's page */
  layout_actions = g_simple_action_group_new ();
  view_action = g_property_action_new ("view", self->view_stack, "visible-child-name");
  g_action_map_add_action (G_ACTION_MAP (layout_actions), G_ACTION (view_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "layout", G_ACTION_GROUP (layout_actions));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  _nhs_window_import_init (self);

  self->edit_section = g_menu_new ();
  g_menu_prepend_section (self->primary_menu, NULL, G_MENU_MODEL (self->edit_section));
  {
    g_autoptr(GMenu) cite = g_menu_new ();

    /* in the reader's context menu, beside Copy */
    g_menu_append (cite, _("C_ite Selection"), "win.cite-selection");
    gtk_text_view_set_extra_menu (nhs_article_reader_get_text_view (self->reader), G_MENU_MODEL (cite));
  }
  _nhs_window_evidence_init (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  update_actions (self);
}

/* Public API */

NhsWindow *
nhs_window_new (NhsApplication *application)
{
  return g_object_new (NHS_TYPE_WINDOW, "application", application, NULL);
}

NhsDataset *
nhs_window_get_dataset (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), NULL);
  return self->dataset;
}

/* The first part of showing a dataset: the window's own and the chart's
 * (nhs-window-handover.c); FALSE when it is already the one shown */
gboolean
_nhs_window_take_dataset (NhsWindow  *self,
                          NhsDataset *dataset)
{
  if (!g_set_object (&self->dataset, dataset))
    return FALSE;

  _nhs_window_drop_document (self);
  _nhs_window_watch_file (self);
  if (dataset != NULL)
    move_range_to_timezone (self);
  nhs_chart_view_set_dataset (self->chart_view, dataset);
  _nhs_window_update_header (self);
  update_actions (self);
  return TRUE;
}

/* The last part: the list and the reader have it too */
void
_nhs_window_dataset_shown (NhsWindow *self)
{
  if (gtk_revealer_get_reveal_child (self->inspector_revealer))
    _nhs_window_open_document (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
nhs_window_set_dataset (NhsWindow  *self,
                        NhsDataset *dataset)
{
  g_return_if_fail (NHS_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || NHS_IS_DATASET (dataset));

  /* the dataset being handed over: the rest at once; another: instead */
  if (_nhs_window_handing_over (self, dataset))
    {
      _nhs_window_finish_hand_over (self);
      return;
    }
  _nhs_window_stop_hand_over (self);
  if (!_nhs_window_take_dataset (self, dataset))
    return;
  nhs_event_list_set_dataset (self->event_list, dataset);
  nhs_article_reader_set_dataset (self->reader, dataset);
  _nhs_window_dataset_shown (self);
}

void
nhs_window_load_bundled (NhsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = NULL;

  g_return_if_fail (NHS_IS_WINDOW (self));

  /* compiled in and validated by the tests: fast, and never broken but in
   * a broken build */
  dataset = nhs_dataset_load_bundled (&error);
  if (dataset == NULL)
    {
      show_error (self, _("Could not load the bundled dataset"), error->message);
      return;
    }
  nhs_window_set_dataset (self, dataset);
}

void
_nhs_window_load_file (NhsWindow *self,
           GFile     *file,
           gboolean   at_start)
{
  LoadData *data;
  g_autofree char *name = _nhs_window_file_display_name (file);
  g_autofree char *label = NULL;

  /* the last dataset loaded is shown whole before the next one loads */
  _nhs_window_finish_hand_over (self);
  if (self->load != NULL)
    {
      g_cancellable_cancel (self->load->cancellable);
      self->load = NULL;
    }

  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (self);
  data->cancellable = g_cancellable_new ();
  data->file = g_object_ref (file);
  data->at_start = at_start;
  self->load = data;

  /* Translators: shown while a dataset loads, "Opening mydata.json…" */
  label = g_strdup_printf (_("Opening %s…"), name);
  gtk_label_set_label (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  self->progress_timeout_id = g_timeout_add (PROGRESS_DELAY_MS, progress_timeout_cb, self);
  update_actions (self);

  nhs_dataset_load_file_async (file, data->cancellable, load_progress_cb, data, load_cb, data);
}

void
nhs_window_open_file (NhsWindow *self,
                      GFile     *file)
{
  g_return_if_fail (NHS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* unsaved changes: ask first; the answer opens it or not */
  nhs_inspector_commit_focus (self->inspector);
  if (_nhs_window_ask_to_save (self))
    {
      g_set_object (&self->pending_open, file);
      return;
    }
  _nhs_window_load_file (self, file, FALSE);
}

void
nhs_window_load_initial (NhsWindow *self)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (NHS_IS_WINDOW (self));

  uri = g_settings_get_string (self->settings, "last-dataset");
  if (*uri != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      _nhs_window_load_file (self, file, TRUE);
    }
  else
    nhs_window_load_bundled (self);
  _nhs_window_offer_recovery (self);
}

gboolean
nhs_window_is_loading (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  /* loaded, it is still loading until every view has it */
  return self->load != NULL || _nhs_window_handing_over (self, NULL);
}

gboolean
nhs_window_show_event (NhsWindow  *self,
                       const char *event_id)
{
  NhsEvent *event;

  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);

  /* in the dataset being handed over, if one is */
  _nhs_window_finish_hand_over (self);
  event = self->dataset ? nhs_dataset_lookup_event (self->dataset, event_id) : NULL;
  if (event == NULL)
    return FALSE;
  _nhs_window_activate_event (self, event);
  return TRUE;
}

/* Private API, for the tests */

NhsEventList *
nhs_window_get_event_list (NhsWindow *self)
{
  return self->event_list;
}

NhsArticleReader *
nhs_window_get_reader (NhsWindow *self)
{
  return self->reader;
}

NhsEventFilter *
nhs_window_get_filter (NhsWindow *self)
{
  return self->filter;
}

GtkLabel *
nhs_window_get_title_label (NhsWindow *self)
{
  return self->title_label;
}

GtkLabel *
nhs_window_get_notice_label (NhsWindow *self)
{
  return gtk_revealer_get_reveal_child (self->toast_revealer) ? self->toast_label : NULL;
}

GMenuModel *
nhs_window_get_recent_menu (NhsWindow *self)
{
  return G_MENU_MODEL (self->recent_section);
}

GtkPaned *
nhs_window_get_paned (NhsWindow *self,
                      gboolean   chart)
{
  return chart ? self->chart_paned : self->list_paned;
}

gboolean
nhs_window_is_narrow (NhsWindow *self)
{
  /* narrow once the panes have moved into the views */
  return gtk_paned_get_start_child (self->chart_paned) == NULL;
}

GtkWidget *
nhs_window_get_view_button (NhsWindow  *self,
                            const char *view)
{
  GtkWidget *switcher = gtk_widget_get_last_child (gtk_widget_get_parent (GTK_WIDGET (self->view_stack)));

  for (GtkWidget *button = gtk_widget_get_first_child (switcher); button != NULL; button = gtk_widget_get_next_sibling (button))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), view))
        return button;
    }
  return NULL;
}

GtkFileChooserNative *
nhs_window_get_file_chooser (NhsWindow *self)
{
  return self->chooser;
}

NhsInspector *
nhs_window_get_inspector (NhsWindow *self)
{
  return self->inspector;
}

NhsDocument *
nhs_window_get_document (NhsWindow *self)
{
  return self->document;
}

NhsChartView *
nhs_window_get_chart_view (NhsWindow *self)
{
  return self->chart_view;
}

/* For Add Article (nhs-window-import.c) */

void
nhs_window_show_error (NhsWindow  *self,
                       const char *primary,
                       const char *secondary)
{
  g_return_if_fail (NHS_IS_WINDOW (self));
  show_error (self, primary, secondary);
}

NhsReviewPanel *
nhs_window_get_review_panel (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), NULL);
  return self->review_panel;
}
