/* nhs-window.c: the main window
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart on top of the event list and the article reader, all watching
 * one NhsEventFilter and one selected event. Datasets load in a worker
 * thread; the one shown stays until the next is ready, and stays for good
 * when the next one fails.
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nhs-adaptive-bin.h"
#include "nhs-article-reader.h"
#include "nhs-article-reader-private.h"
#include "nhs-chart-view.h"
#include "nhs-dataset-loader.h"
#include "nhs-document.h"
#include "nhs-event-list.h"
#include "nhs-event-writer.h"
#include "nhs-briefing.h"
#include "nhs-export-dialog.h"
#include "nhs-filter-settings.h"
#include "nhs-inspector.h"
#include "nhs-window.h"
#include "nhs-window-private.h"

/* a load that takes longer than this shows its progress */
#define PROGRESS_DELAY_MS 300
/* characters of a dataset's title shown in the header and window title */
#define HEADER_TITLE_MAX 300
/* how long a toast stays: long enough to read a sentence and reach its
 * button */
#define TOAST_SECONDS 6

typedef struct
{
  NhsWindow *window;          /* strong: the window outlives its loads */
  GCancellable *cancellable;
  GFile *file;
  gboolean at_start;          /* reopening the last dataset at start */
} LoadData;

struct _NhsWindow
{
  GtkApplicationWindow parent_instance;

  NhsDataset *dataset;
  NhsEventFilter *filter;
  GSettings *settings;
  /* size, maximized and panes: delayed, written when the window closes */
  GSettings *state_settings;
  GtkFileChooserNative *chooser;

  LoadData *load;             /* the load under way, or NULL */
  guint progress_timeout_id;

  guint toast_timeout_id;
  GFile *toast_folder;        /* the file whose folder Open Folder shows */
  guint layout_idle_id;

  GMenu *recent_section;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkRevealer *toast_revealer;
  GtkLabel *toast_label;
  GtkButton *toast_button;
  NhsAdaptiveBin *layout_bin;
  GtkStack *view_stack;
  GtkBox *chart_slot;
  GtkBox *list_slot;
  GtkBox *reader_slot;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkPaned *chart_paned;
  GtkPaned *list_paned;
  NhsChartView *chart_view;
  NhsEventList *event_list;
  NhsArticleReader *reader;
  NhsReviewPanel *review_panel; /* Add Article's review (nhs-window-import.c) */

  /* Editing (see "Editing" below) */
  NhsDocument *document;      /* over dataset, made at the first edit */
  GtkRevealer *inspector_revealer;
  NhsInspector *inspector;
  GMenu *primary_menu;
  GMenu *edit_section;
  GFile *pending_open;        /* to open once unsaved changes are settled */
  gboolean close_after_save;
  gboolean discarding;        /* closing without saving, as asked */
  guint recovery_timeout_id;
  GFileMonitor *monitor;      /* the dataset's file */
  char *disk_etag;            /* its etag when opened or last saved */
  gboolean asking_reload;
};

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
static void
show_toast (NhsWindow  *self,
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

static void
show_notice (NhsWindow  *self,
             const char *text)
{
  show_toast (self, text, NULL, 0);
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
    if (gtk_recent_info_has_group (l->data, RECENT_GROUP) && gtk_recent_info_exists (l->data))
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
  const char *app_name = g_get_application_name ();
  GtkRecentData data = {
    .mime_type = (char *) "application/json",
    .app_name = (char *) (app_name ? app_name : "nhs-dispute"),
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
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  /* Translators: the month at either end of the dataset; see g_date_time_format() */
  return g_date_time_format (local, _("%B %Y"));
}

static void
update_header (NhsWindow *self)
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

static void update_edit_actions (NhsWindow *self);

static void
update_actions (NhsWindow *self)
{
  gboolean has_data = self->dataset != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-briefing", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", self->load != NULL);
  update_edit_actions (self);
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

static void
stop_progress (NhsWindow *self)
{
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

static void
finish_load (NhsWindow *self)
{
  g_clear_pointer (&self->load, load_data_free);
  stop_progress (self);
  update_actions (self);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path ? g_filename_display_basename (path) : g_file_get_uri (file);
}

static void load_file (NhsWindow *self, GFile *file, gboolean at_start);

static GtkFileChooserNative *
new_chooser (NhsWindow            *self,
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
      g_autofree char *name = file_display_name (file);
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

  name = file_display_name (data->file);
  if (dataset != NULL)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      g_settings_set_string (self->settings, "last-dataset", uri);
      remember_recent (data->file);
      finish_load (self);
      nhs_window_set_dataset (self, dataset);
      return;
    }

  finish_load (self);
  if (at_start)
    {
      g_autofree char *notice = NULL;

      /* forget it, so the next start does not stumble again */
      g_settings_set_string (self->settings, "last-dataset", "");
      nhs_window_load_bundled (self);
      notice = g_strdup_printf (_("The last dataset, %s, could not be opened, so the bundled dataset is shown. %s"),
                                name, error->message);
      show_notice (self, notice);
      return;
    }

  /* with nothing shown yet (a bad --dataset), show the bundled data */
  if (self->dataset == NULL)
    nhs_window_load_bundled (self);
  show_error (self, _("Could not open the dataset"), error->message);
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

  name = file_display_name (file);
  if (!write_csv (self, file, &n, &error))
    {
      show_error (self, _("Could not export the events"), error->message);
      return;
    }
  /* Translators: "Saved 12 events to events.csv" */
  notice = g_strdup_printf (ngettext ("Saved %u event to %s", "Saved %u events to %s", n), n, name);
  nhs_export_folder_remember (file, self->settings);
  show_toast (self, notice, file, TOAST_SECONDS);
}

static void
chart_exported_cb (NhsWindow *self,
                   GFile     *file)
{
  g_autofree char *name = file_display_name (file);
  /* Translators: after a chart export, "Saved the chart to chart.png" */
  g_autofree char *notice = g_strdup_printf (_("Saved the chart to %s"), name);

  show_toast (self, notice, file, TOAST_SECONDS);
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
  update_edit_actions (self);
}

/* From the chart or the reader: select it in the list, or where the filter
 * hides it there, show it everywhere else */
static void
activate_event (NhsWindow *self,
                NhsEvent  *event)
{
  if (nhs_event_list_select_event (self->event_list, event))
    return;
  nhs_chart_view_set_selected_event (self->chart_view, event);
  nhs_article_reader_show_event (self->reader, event);
}

static void
chart_event_activated_cb (NhsWindow *self,
                          NhsEvent  *event)
{
  activate_event (self, event);
}

static void
reader_event_activated_cb (NhsWindow *self,
                           NhsEvent  *event)
{
  activate_event (self, event);
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

static gboolean ask_to_save (NhsWindow *self);
static void remove_recovery (NhsWindow *self);

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
  if (ask_to_save (self))
    {
      self->close_after_save = TRUE;
      return TRUE;
    }
  /* saved, or discarded as asked: nothing to recover */
  remove_recovery (self);
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
  GtkFileChooserNative *chooser = new_chooser (self, _("Open Dataset"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
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
  chooser = new_chooser (self, _("Export Events as CSV"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
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
  g_autofree char *name = file_display_name (g_ptr_array_index (window_and_file, 1));
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  if (!nhs_briefing_export_file_finish (result, &error))
    {
      show_error (self, _("Could not export the briefing"), error->message);
      return;
    }
  /* Translators: "Saved the briefing to nhs-dispute-briefing.pdf" */
  notice = g_strdup_printf (_("Saved the briefing to %s"), name);
  show_notice (self, notice);
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
      show_error (self, _("Could not export the briefing"), _("Choose a folder on this computer."));
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
  chooser = new_chooser (self, _("Export Briefing"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
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
  stop_progress (self);
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

/* Editing
 *
 * The document is made at the first edit (or when the inspector opens),
 * from the text of the dataset shown, so that opening a dataset costs
 * nothing more than before. */

static void
update_edit_actions (NhsWindow *self)
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-inspector", has_data);

  if (self->edit_section == NULL)
    return;
  g_menu_remove_all (self->edit_section);
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
  update_header (self);
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
    load_file (self, file, FALSE);
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

  name = file_display_name (file);
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

static void
watch_file (NhsWindow *self)
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

static void
remove_recovery (NhsWindow *self)
{
  g_autofree char *info = recovery_path ("recovery.ini");
  g_autofree char *text = recovery_path ("recovery.json");

  g_clear_handle_id (&self->recovery_timeout_id, g_source_remove);
  /* the description first: without it the text is never offered */
  g_remove (info);
  g_remove (text);
}

static void
write_recovery (NhsWindow *self)
{
  g_autofree char *dir = recovery_path (NULL);
  g_autofree char *info_path = recovery_path ("recovery.ini");
  g_autofree char *text_path = recovery_path ("recovery.json");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GBytes) text = NULL;
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
  text = nhs_document_to_bytes (self->document);

  /* the text, then its description: a description names a whole text */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !nhs_write_file_atomic (text_path, g_bytes_get_data (text, NULL), g_bytes_get_size (text), &error) ||
      !nhs_write_file_atomic (info_path, info_text, len, &error))
    g_warning ("Could not keep the unsaved changes in %s: %s", dir, error ? error->message : g_strerror (errno));
}

static gboolean
recovery_timeout_cb (gpointer user_data)
{
  NhsWindow *self = user_data;

  self->recovery_timeout_id = 0;
  write_recovery (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (NhsWindow *self)
{
  update_edit_actions (self);
  if (nhs_document_get_modified (self->document))
    {
      if (self->recovery_timeout_id == 0)
        self->recovery_timeout_id = g_timeout_add (RECOVERY_DELAY_MS, recovery_timeout_cb, self);
    }
  else
    remove_recovery (self);
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
        remove_recovery (self);
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
      show_error (self, _("Could not restore the unsaved changes"), error->message);
      return;
    }
  /* a load of the last dataset under way would replace them */
  if (self->load != NULL)
    {
      g_cancellable_cancel (self->load->cancellable);
      self->load = NULL;
      stop_progress (self);
    }
  adopt_document (self, document);
  write_recovery (self);
}

/* At start: changes left unsaved by a crash are offered back */
static void
offer_recovery (NhsWindow *self)
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
      name = file_display_name (file);
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
  update_header (self);
}

static void
drop_document (NhsWindow *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  self->discarding = FALSE;
  nhs_review_panel_close (self->review_panel);
  nhs_inspector_set_document (self->inspector, NULL);
  nhs_inspector_set_notice (self->inspector, NULL);
}

static void
connect_document (NhsWindow *self)
{
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (document_modified_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "event-changed", G_CALLBACK (document_event_changed_cb), self, G_CONNECT_SWAPPED);
  nhs_inspector_set_document (self->inspector, self->document);
  update_edit_actions (self);
  update_header (self);
}

/* Shows the document's dataset, with the document kept for it */
static void
adopt_document (NhsWindow   *self,
                NhsDocument *document)
{
  nhs_window_set_dataset (self, nhs_document_get_dataset (document));
  drop_document (self);
  self->document = g_object_ref (document);
  nhs_inspector_set_notice (self->inspector, NULL);
  connect_document (self);
}

static gboolean
ensure_document (NhsWindow *self,
                 gboolean   quiet)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  GFile *file;

  if (self->document != NULL)
    return TRUE;
  if (self->dataset == NULL)
    return FALSE;

  file = nhs_dataset_get_file (self->dataset);
  if (nhs_dataset_is_bundled (self->dataset))
    text = g_resources_lookup_data (NHS_DATASET_BUNDLED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  else if (file != NULL)
    text = g_file_load_bytes (file, NULL, NULL, &error);
  else
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("it was not opened from a file"));
  if (text != NULL)
    self->document = nhs_document_new (self->dataset, text, &error);
  if (self->document == NULL)
    {
      /* Translators: the reason follows */
      notice = g_strdup_printf (_("This dataset cannot be edited: %s"), error->message);
      nhs_inspector_set_notice (self->inspector, notice);
      if (!quiet)
        show_error (self, _("Could not edit the dataset"), error->message);
      return FALSE;
    }

  nhs_inspector_set_notice (self->inspector, NULL);
  connect_document (self);
  return TRUE;
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
      show_error (self, _("Could not save the dataset"), error->message);
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
  name = file_display_name (file);
  uri = g_file_get_uri (file);
  g_settings_set_string (self->settings, "last-dataset", uri);
  /* Translators: "Saved mydata.json" */
  notice = g_strdup_printf (_("Saved %s"), name);
  show_notice (self, notice);
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
    load_file (self, open, FALSE);
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

  chooser = new_chooser (self, _("Save Dataset As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
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
      remove_recovery (self);
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
static gboolean
ask_to_save (NhsWindow *self)
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
  if (ensure_document (self, FALSE))
    save (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);

  nhs_inspector_commit_focus (self->inspector);
  if (ensure_document (self, FALSE))
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

  if (!ensure_document (self, FALSE))
    return;
  now = g_date_time_new_now (nhs_dataset_get_timezone (self->dataset));
  today = g_date_time_format (now, "%Y-%m-%d");
  event = nhs_document_add_event (self->document, today, &error);
  if (event == NULL)
    {
      show_error (self, _("Could not add an event"), error->message);
      return;
    }
  gtk_revealer_set_reveal_child (self->inspector_revealer, TRUE);
  activate_event (self, event);
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

  if (selected == NULL || !ensure_document (self, FALSE))
    return;
  event = nhs_document_duplicate_event (self->document, selected, &error);
  if (event == NULL)
    {
      show_error (self, _("Could not duplicate the event"), error->message);
      return;
    }
  activate_event (self, event);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsEvent *selected = nhs_event_list_get_selected_event (self->event_list);
  g_autoptr(GError) error = NULL;

  if (selected == NULL || !ensure_document (self, FALSE))
    return;
  if (!nhs_document_delete_event (self->document, selected, &error))
    show_error (self, _("Could not delete the event"), error->message);
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
      show_notice (self, _("Select words in an article to cite them"));
      return;
    }
  if (event == NULL)
    {
      show_notice (self, _("Select the event the words are evidence for, then cite them"));
      return;
    }
  if (!ensure_document (self, FALSE))
    return;
  if (!nhs_document_cite_article (self->document, event, article, quote, &error))
    {
      show_error (self, _("Could not cite the selection"), error->message);
      return;
    }
  /* show the new evidence: the event's last */
  nhs_article_reader_show_event (self->reader, event);
  n = nhs_event_get_evidence (event)->len;
  nhs_article_reader_show_evidence (self->reader, n - 1);
  /* Translators: after Cite Selection, the event's title */
  notice = g_strdup_printf (_("Cited as evidence for “%s”"), nhs_event_get_title (event));
  show_notice (self, notice);
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
    ensure_document (self, TRUE);
}

static void
install_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-event", NULL, duplicate_event_action);
  gtk_widget_class_install_action (widget_class, "win.delete-event", NULL, delete_event_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);
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

static void
nhs_window_dispose (GObject *object)
{
  NhsWindow *self = NHS_WINDOW (object);

  if (self->load != NULL)
    {
      g_cancellable_cancel (self->load->cancellable);
      self->load = NULL;
    }
  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  /* destroyed without being asked (the session ending): keep the changes */
  if (self->recovery_timeout_id != 0)
    {
      g_clear_handle_id (&self->recovery_timeout_id, g_source_remove);
      write_recovery (self);
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
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, export_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-notice", NULL, dismiss_notice_action);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, pane_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, pane_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  /* A binding, not an application accelerator, so that the reader's own
   * Ctrl+F (find in the article) wins while it has the focus */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  install_edit_actions (widget_class);
  _nhs_window_import_class_init (widget_class);
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

void
nhs_window_set_dataset (NhsWindow  *self,
                        NhsDataset *dataset)
{
  g_return_if_fail (NHS_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || NHS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  drop_document (self);
  watch_file (self);
  if (dataset != NULL)
    move_range_to_timezone (self);
  nhs_chart_view_set_dataset (self->chart_view, dataset);
  nhs_event_list_set_dataset (self->event_list, dataset);
  nhs_article_reader_set_dataset (self->reader, dataset);
  if (gtk_revealer_get_reveal_child (self->inspector_revealer))
    ensure_document (self, TRUE);
  update_header (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
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

static void
load_file (NhsWindow *self,
           GFile     *file,
           gboolean   at_start)
{
  LoadData *data;
  g_autofree char *name = file_display_name (file);
  g_autofree char *label = NULL;

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
  if (ask_to_save (self))
    {
      g_set_object (&self->pending_open, file);
      return;
    }
  load_file (self, file, FALSE);
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
      load_file (self, file, TRUE);
    }
  else
    nhs_window_load_bundled (self);
  offer_recovery (self);
}

gboolean
nhs_window_is_loading (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  return self->load != NULL;
}

gboolean
nhs_window_show_event (NhsWindow  *self,
                       const char *event_id)
{
  NhsEvent *event;

  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);

  event = self->dataset ? nhs_dataset_lookup_event (self->dataset, event_id) : NULL;
  if (event == NULL)
    return FALSE;
  activate_event (self, event);
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

gboolean
nhs_window_export_csv (NhsWindow  *self,
                       GFile      *file,
                       GError    **error)
{
  return write_csv (self, file, NULL, error);
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

gboolean
nhs_window_has_unsaved_changes (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  return self->document != NULL && nhs_document_get_modified (self->document);
}

/* For Add Article (nhs-window-import.c) */

gboolean
nhs_window_ensure_document (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), FALSE);
  return ensure_document (self, FALSE);
}

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

void
nhs_window_inspect_event (NhsWindow *self,
                          NhsEvent  *event,
                          gboolean   open_inspector)
{
  g_return_if_fail (NHS_IS_WINDOW (self));

  nhs_event_list_select_event (self->event_list, event);
  if (open_inspector && ensure_document (self, TRUE))
    {
      gtk_revealer_set_reveal_child (self->inspector_revealer, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->inspector));
    }
}
