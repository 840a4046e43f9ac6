/* test-translation.c: the French translation reaches the window and the
 * command line
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in French from the build tree's po/ (where meson builds
 * fr/LC_MESSAGES/nhs-dispute.mo): LANGUAGE=fr under the C.UTF-8 locale the
 * test environment sets (gettext ignores LANGUAGE under the plain C
 * locale). Reads back what a person sees: the search entry's placeholder,
 * the kind drop-down's first item, the status line, and the text of
 * "nhs-dispute --help".
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "nhs-event-list-private.h"
#include "nhs-window-private.h"
#include "test-util.h"

#define WAIT_TIMEOUT_US (10 * G_USEC_PER_SEC)

/* Runs the main loop until the list has filtered; fails after a while */
static void
settle (NhsWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  test_drain_main_context (50);
  while (nhs_event_list_is_busy (nhs_window_get_event_list (window)))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the event list");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static void
test_catalog (void)
{
  g_autofree char *mo = g_build_filename (TEST_LOCALEDIR, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  /* French plurals: 0 and 1 take the singular */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", 0), ==, "%u évènement");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", 2), ==, "%u évènements");
}

static void
test_window_in_french (void)
{
  g_autoptr(NhsDataset) dataset = NULL;
  g_autoptr(GtkStringObject) first_kind = NULL;
  g_autofree char *placeholder = NULL;
  NhsWindow *window;
  NhsEventList *list;
  GTimeZone *tz;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  if (gdk_display_get_default () == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  dataset = test_load_fixture ("fixture.json");
  window = nhs_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  nhs_window_set_dataset (window, dataset);
  settle (window);
  list = nhs_window_get_event_list (window);

  /* from the .ui template */
  g_object_get (nhs_event_list_get_search_entry (list), "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Rechercher des évènements");
  /* the kind menu, from the table of kinds */
  first_kind = g_list_model_get_item (gtk_drop_down_get_model (nhs_event_list_get_kind_dropdown (list)), 0);
  g_assert_cmpstr (gtk_string_object_get_string (first_kind), ==, "Tous les types");

  /* from C, with a plural */
  g_assert_cmpstr (gtk_label_get_label (nhs_event_list_get_status_label (list)), ==, "11 évènements");
  tz = nhs_dataset_get_timezone (dataset);
  from = g_date_time_new (tz, 2024, 1, 1, 0, 0, 0);
  to = g_date_time_new (tz, 2024, 2, 24, 0, 0, 0);
  nhs_event_filter_set_range (nhs_window_get_filter (window), from, to);
  settle (window);
  g_assert_cmpstr (gtk_label_get_label (nhs_event_list_get_status_label (list)), ==, "3 sur 11 évènements");

  gtk_window_destroy (GTK_WINDOW (window));
  test_drain_main_context (50);
}

static void
test_help_in_french (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *bin = g_getenv ("NHS_DISPUTE_BIN");

  g_assert_nonnull (bin);
  /* headless: no display to fall back on */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "fr", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "NHS_DISPUTE_LOCALEDIR", TEST_LOCALEDIR, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, bin, "--help", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  /* the --dataset option's description, and its argument's name */
  g_assert_nonnull (strstr (out, "Ouvrir ou interroger ce jeu de données au lieu de celui fourni"));
  g_assert_nonnull (strstr (out, "--dataset=FICHIER"));
  g_assert_null (strstr (out, "instead of the bundled one"));
}

int
main (int   argc,
      char *argv[])
{
  /* before anything asks gettext: French, from the build tree */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/translation/catalog", test_catalog);
  g_test_add_func ("/translation/help", test_help_in_french);
  if (gtk_init_check ())
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_test_add_func ("/translation/window", test_window_in_french);
  return g_test_run ();
}
