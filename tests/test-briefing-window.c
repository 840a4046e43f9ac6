/* test-briefing-window.c: Export Briefing… from the real window
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The menu's action, answered through its file chooser as a person answers
 * it: the file written is byte for byte the briefing of the events the
 * window shows at that moment (with SOURCE_DATE_EPOCH set, the same inputs
 * give the same bytes), a notice says so; a name the export refuses gives
 * an error dialog in plain words, and no file.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "nhs-briefing.h"
#include "test-util.h"
#include "test-window-util.h"

static gboolean
chooser_opened (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile *file;
  gboolean folder_only;
} ChooserWait;

static gboolean
chooser_shows (gpointer data)
{
  ChooserWait *w = data;
  g_autoptr(GFile) shown = w->folder_only ? gtk_file_chooser_get_current_folder (w->chooser)
                                          : gtk_file_chooser_get_file (w->chooser);

  return shown != NULL && g_file_equal (shown, w->file);
}

/* Goes to the folder, types the name, then Export */
static void
answer_chooser (GtkFileChooserNative *native,
                const char           *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  ChooserWait in_folder = { GTK_FILE_CHOOSER (native), folder, TRUE };
  ChooserWait named = { GTK_FILE_CHOOSER (native), file, FALSE };

  g_assert_nonnull (native);
  g_object_ref (native);
  wait_until (chooser_opened, native);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, &error));
  g_assert_no_error (error);
  wait_until (chooser_shows, &in_folder);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  wait_until (chooser_shows, &named);
  g_signal_emit_by_name (native, "response", GTK_RESPONSE_ACCEPT);
  g_object_unref (native);
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
notice_shown (gpointer data)
{
  return nhs_window_get_notice_label (data) != NULL;
}

static void
test_export (void)
{
  NhsWindow *window = new_window_on_data ("fixture.json", FALSE);
  NhsEventList *list = nhs_window_get_event_list (window);
  NhsDataset *dataset = nhs_window_get_dataset (window);
  g_autofree char *dir = g_dir_make_tmp ("nhs-briefing-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shown.pdf", NULL);
  g_autoptr(NhsEventFilter) all = nhs_event_filter_new ();
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) unfiltered = NULL;
  g_autoptr(GError) error = NULL;
  NhsBriefingOptions options;
  char *written;
  gsize len;

  /* what the window shows: strikes, not the consultants' */
  gtk_drop_down_set_selected (nhs_event_list_get_kind_dropdown (list), 1);
  gtk_toggle_button_set_active (nhs_event_list_get_group_toggle (list, "consultant"), FALSE);
  settle (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-briefing", NULL));
  answer_chooser (nhs_window_get_file_chooser (window), path);
  g_assert_null (nhs_window_get_file_chooser (window));
  wait_until (notice_shown, window);
  g_assert_cmpstr (gtk_label_get_text (nhs_window_get_notice_label (window)), ==, "Saved the briefing to shown.pdf");
  g_assert_false (find_message_dialog (window, NULL));

  nhs_briefing_options_init (&options);
  expected = nhs_briefing_to_bytes (dataset, nhs_window_get_filter (window), &options, NHS_BRIEFING_FORMAT_PDF, &error);
  g_assert_no_error (error);
  unfiltered = nhs_briefing_to_bytes (dataset, all, &options, NHS_BRIEFING_FORMAT_PDF, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &len, NULL));
  g_assert_true (g_str_has_prefix (written, "%PDF-"));
  g_assert_cmpmem (written, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  /* and the filter made a difference */
  g_assert_false (g_bytes_equal (expected, unfiltered));
  g_free (written);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  NhsWindow *window;
  char *secondary;
} ErrorWait;

static gboolean
dialog_shown (gpointer data)
{
  ErrorWait *w = data;

  return find_message_dialog (w->window, &w->secondary);
}

static void
test_export_error (void)
{
  NhsWindow *window = new_window_on_data ("fixture.json", FALSE);
  g_autofree char *dir = g_dir_make_tmp ("nhs-briefing-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "briefing.txt", NULL);
  ErrorWait w = { window, NULL };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-briefing", NULL));
  answer_chooser (nhs_window_get_file_chooser (window), path);
  wait_until (dialog_shown, &w);
  g_assert_cmpstr (w.secondary, ==,
                   "Could not save briefing.txt: the name must end in .pdf, .md or .html, which decides the format.");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (nhs_window_get_notice_label (window));
  g_free (w.secondary);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* the window's briefing and the one made here carry the same date */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/briefing-window/export", test_export);
  g_test_add_func ("/briefing-window/export-error", test_export_error);
  return g_test_run ();
}
