/* test-robust-export.c: exports that fail, as the window shows them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export Events as CSV… and Export Chart… from the real window, answered
 * through their file choosers as a person answers them, into a folder the
 * user may not write to, onto a name that is a folder, and onto a full disk
 * (a 1 MiB tmpfs, filled to the last byte, in a mount namespace of a child
 * process of its own; room for the PNG once the filler goes). Each time:
 * the message dialog says what went wrong in plain words, no file is left
 * beside the target, the file that was there is as it was, and the window
 * goes on working: a search filters, and the next export, to a good place,
 * is written.
 */
/* unshare () and the CLONE_ flags, memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nhs-event-writer.h"
#include "nhs-export-dialog-private.h"
#include "test-mounts.h"
#include "test-tmpdir.h"
#include "test-util.h"
#include "test-window-util.h"

#define OLD_CONTENT "id,title\r\nold,Kept as it was\r\n"
#define WORK_PREFIX "nhs-robust-export"

/* Helpers {{{ */

static NhsWindow *
new_window_on_fixture (void)
{
  return new_window_on_data ("fixture.json", FALSE);
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile *file;
  gboolean folder_only;
} ChooserWait;

/* The chooser has opened on its first folder: a folder asked for before
 * that may be overtaken by it */
static gboolean
chooser_opened (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static gboolean
chooser_shows (gpointer data)
{
  ChooserWait *w = data;
  g_autoptr(GFile) shown = w->folder_only ? gtk_file_chooser_get_current_folder (w->chooser)
                                          : gtk_file_chooser_get_file (w->chooser);

  return shown != NULL && g_file_equal (shown, w->file);
}

/* Answers the file chooser with path, as a person does: once it has
 * opened, goes to the folder (which loads in the background), types the name (setting the file
 * instead would select a folder of that name rather than name it), then
 * Export */
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
  /* let GTK finish with the chooser */
  test_drain_main_context (100);
}

/* Export Events as CSV… to path */
static void
export_csv (NhsWindow  *window,
            const char *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL));
  answer_chooser (nhs_window_get_file_chooser (window), path);
  /* the chooser is let go once answered */
  g_assert_null (nhs_window_get_file_chooser (window));
}

static NhsExportDialog *
find_export_dialog (NhsWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (NHS_IS_EXPORT_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return NHS_EXPORT_DIALOG (toplevel);
    }
  return NULL;
}

/* Export Chart…, then Export… in its dialog, to path; returns the dialog,
 * or NULL once it closed (the export went well) */
static NhsExportDialog *
export_chart (NhsWindow  *window,
              const char *path)
{
  NhsExportDialog *dialog = find_export_dialog (window);

  if (dialog == NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL));
      dialog = find_export_dialog (window);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose-file", NULL));
  answer_chooser (nhs_export_dialog_get_file_chooser (dialog), path);
  return find_export_dialog (window);
}

/* The error dialog over parent says exactly this */
static void
assert_error_shown (GtkWindow  *parent,
                    const char *primary,
                    const char *secondary)
{
  g_autofree char *shown_primary = NULL;
  g_autofree char *shown_secondary = NULL;

  if (!find_message_dialog_over (parent, &shown_primary, &shown_secondary))
    g_error ("no error shown (expected “%s”)", secondary);
  g_test_message ("%s: %s", shown_primary, shown_secondary);
  g_assert_cmpstr (shown_primary, ==, primary);
  g_assert_cmpstr (shown_secondary, ==, secondary);
}

/* A failed CSV export to target in dir, then a failed chart export to
 * chart in dir: the messages (before, the file's path, after), and nothing
 * changed in dir */
static void
assert_exports_fail (NhsWindow  *window,
                     const char *dir,
                     const char *target,
                     const char *chart,
                     const char *before_path,
                     const char *after_path)
{
  g_autofree char *csv_path = g_build_filename (dir, target, NULL);
  g_autofree char *chart_path = g_build_filename (dir, chart, NULL);
  g_autofree char *csv_error = g_strconcat (before_path, csv_path, after_path, NULL);
  g_autofree char *chart_error = g_strconcat (before_path, chart_path, after_path, NULL);
  g_autofree char *before = test_list_dir (dir);
  g_autofree char *after_csv = NULL;
  g_autofree char *after_chart = NULL;
  NhsExportDialog *dialog;

  export_csv (window, csv_path);
  assert_error_shown (GTK_WINDOW (window), "Could not export the events", csv_error);
  /* no notice of a file saved */
  g_assert_null (nhs_window_get_notice_label (window));
  after_csv = test_list_dir (dir);
  g_assert_cmpstr (after_csv, ==, before);

  dialog = export_chart (window, chart_path);
  /* the dialog stays, to choose again */
  g_assert_nonnull (dialog);
  assert_error_shown (GTK_WINDOW (dialog), "Could not export the chart", chart_error);
  after_chart = test_list_dir (dir);
  g_assert_cmpstr (after_chart, ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* After a failure: a search still filters, and exports to a good place
 * are written whole */
static void
assert_window_works (NhsWindow  *window,
                     const char *good_dir)
{
  g_autofree char *csv_path = g_build_filename (good_dir, "events.csv", NULL);
  g_autofree char *chart_path = g_build_filename (good_dir, "chart.png", NULL);
  g_autofree char *ids = NULL;
  g_autofree char *written = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GString) expected = g_string_new (NULL);
  GtkLabel *notice;
  gsize png_len;

  type_search (window, "walkout");
  settle (window);
  ids = visible_ids (window);
  g_assert_cmpstr (ids, ==, "joint-2023-10 rd-2024-01 rd-2024-02");

  export_csv (window, csv_path);
  g_assert_false (find_message_dialog (window, NULL));
  notice = nhs_window_get_notice_label (window);
  g_assert_nonnull (notice);
  g_assert_cmpstr (gtk_label_get_text (notice), ==, "Saved 3 events to events.csv");
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, NULL));
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (events, nhs_dataset_lookup_event (nhs_window_get_dataset (window),
                                                       i == 0 ? "joint-2023-10" : i == 1 ? "rd-2024-01" : "rd-2024-02"));
  nhs_write_events_csv (expected, events);
  g_assert_cmpstr (written, ==, expected->str);

  g_assert_null (export_chart (window, chart_path));
  g_assert_true (g_file_get_contents (chart_path, &png, &png_len, NULL));
  g_assert_cmpuint (png_len, >, 1000);
  g_assert_true (memcmp (png, "\x89PNG\r\n\x1a\n", 8) == 0);
}

/* Root writes anywhere. For a folder the user may not write to, the main
 * thread (which writes the files) sets aside the capabilities that let it
 * (only from its effective set, so they come back) */
static gboolean
set_file_override (gboolean on)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
  const guint32 bits = 1u << CAP_DAC_OVERRIDE | 1u << CAP_DAC_READ_SEARCH | 1u << CAP_FOWNER;

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;
  if (on)
    data[0].effective |= bits & data[0].permitted;
  else
    data[0].effective &= ~bits;
  return syscall (SYS_capset, &header, data) == 0;
}

/* }}} */
/* Cases {{{ */

static void
test_read_only_folder (void)
{
  NhsWindow *window = new_window_on_fixture ();
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *old = g_build_filename (locked, "events.csv", NULL);

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  g_assert_true (g_file_set_contents (old, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  g_assert_true (set_file_override (FALSE));

  /* over the file there, and as a new one */
  assert_exports_fail (window, locked, "events.csv", "chart.png",
                       "Could not save ", ": you do not have permission to write in that folder.");
  assert_exports_fail (window, locked, "new.csv", "new.svg",
                       "Could not save ", ": you do not have permission to write in that folder.");
  test_assert_file_contents (old, OLD_CONTENT);

  g_assert_true (set_file_override (TRUE));
  assert_window_works (window, dir);
  close_window (window);
  test_remove_tree (dir);
}

static void
test_target_is_folder (void)
{
  NhsWindow *window = new_window_on_fixture ();
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *csv_folder = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *chart_folder = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *inside = NULL;

  g_assert_cmpint (g_mkdir (csv_folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (chart_folder, 0755), ==, 0);
  assert_exports_fail (window, dir, "events.csv", "chart.png",
                       "Could not save to ", ": that is a folder. Choose a file name.");
  /* the folders as they were, empty */
  g_assert_true (g_file_test (csv_folder, G_FILE_TEST_IS_DIR));
  inside = test_list_dir (chart_folder);
  g_assert_cmpstr (inside, ==, "");
  g_free (inside);
  inside = test_list_dir (csv_folder);
  g_assert_cmpstr (inside, ==, "");

  test_remove_tree (csv_folder);
  test_remove_tree (chart_folder);
  assert_window_works (window, dir);
  close_window (window);
  test_remove_tree (dir);
}

/* Set in main () of a child process, before GTK starts its threads */
static gboolean private_mounts;

/* Fills the disk at dir to the last byte; returns the filler's path */
static char *
fill_disk (const char *dir)
{
  char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *block = g_malloc0 (1024);
  FILE *f = fopen (filler, "w");
  size_t n = 1024;

  g_assert_nonnull (f);
  setvbuf (f, NULL, _IONBF, 0);
  while (n > 0)
    {
      if (fwrite (block, 1, n, f) != n)
        n /= 2;
    }
  fclose (f);
  return filler;
}

static void
test_full_disk (void)
{
  g_autofree char *work = NULL;

  if (g_test_subprocess ())
    {
      NhsWindow *window;
      g_autofree char *disk = NULL;
      g_autofree char *old = NULL;
      g_autofree char *filler = NULL;

      work = test_tmpdir_for_process (WORK_PREFIX, getppid ());
      disk = g_build_filename (work, "disk", NULL);
      old = g_build_filename (disk, "events.csv", NULL);
      g_assert_true (private_mounts);
      g_assert_cmpint (mount ("tmpfs", disk, "tmpfs", 0, "size=1m"), ==, 0);
      g_assert_true (g_file_set_contents (old, OLD_CONTENT, -1, NULL));
      filler = fill_disk (disk);

      window = new_window_on_fixture ();
      assert_exports_fail (window, disk, "events.csv", "chart.png", "Could not save ", ": the disk is full.");
      assert_exports_fail (window, disk, "new.csv", "chart.pdf", "Could not save ", ": the disk is full.");
      test_assert_file_contents (old, OLD_CONTENT);

      /* room again: the same place works */
      g_assert_cmpint (g_unlink (filler), ==, 0);
      assert_window_works (window, disk);
      close_window (window);
      return;
    }

  if (!test_can_mount_privately ())
    {
      g_test_skip ("the system allows no private mount here (needs root or user namespaces)");
      return;
    }
  work = test_make_tmpdir_for_children (WORK_PREFIX);
  {
    g_autofree char *disk = g_build_filename (work, "disk", NULL);

    g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  }
  test_run_child_and_remove (work);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* a child for the full disk: its own mounts, while it has one thread */
  if (g_test_subprocess ())
    private_mounts = enter_private_mounts ();
  if (!test_ui_init ("/robust-export/no-display", FALSE))
    return g_test_run ();

  g_test_add_func ("/robust-export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/robust-export/target-is-folder", test_target_is_folder);
  g_test_add_func ("/robust-export/full-disk", test_full_disk);
  return g_test_run ();
}
