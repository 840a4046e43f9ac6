/* test-robust-settings.c: corrupt and out-of-range settings fall back to
 * their defaults
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case writes a key file for GSettings' keyfile backend (what a
 * person, a broken disk or another version could leave in
 * ~/.config/glib-2.0/settings/keyfile) and starts the real window on it in
 * a child process of its own, which picks the backend up at its start
 * (GSETTINGS_BACKEND=keyfile, XDG_CONFIG_HOME a new folder). The child
 * then reads back what the window, the reader, the chart, the colour
 * scheme, the export dialog and the preferences use: the defaults (or,
 * where the value is valid but does not fit, something sensible), and the
 * bundled dataset with a notice where the last dataset cannot be opened.
 * A control case with valid values checks that the key file is read at
 * all.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "nhs-chart-view.h"
#include "nhs-color-scheme.h"
#include "nhs-export-dialog.h"
#include "nhs-preferences-dialog.h"
#include "test-tmpdir.h"
#include "test-ui-util.h"
#include "test-window-util.h"

/* The folder a test process makes for its children: the key file (under
 * config/, their XDG_CONFIG_HOME) and what last-dataset may point at */
#define WORK_PREFIX "nhs-robust-settings"

typedef struct
{
  const char *keys;           /* the lines of [org/example/NhsDispute]; @WORK@ is the work folder */
  gsize raw_length;           /* > 0: keys is the whole file (bytes, NULs and all) */
  /* what the window must use */
  int width, height;
  int chart_pane;             /* -1: clamped to what the window has room for */
  const char *search;
  guint kinds;
  const char *disabled;       /* the groups turned off, joined by spaces */
  gboolean has_range;
  double font_scale;
  gboolean dark;
  NhsChartMode mode;
  int export_width;
  const char *dataset;        /* the title shown */
  const char *notice;         /* a word the notice must hold, or NULL: none */
} Case;

#define DEFAULTS .width = 1280, .height = 820, .chart_pane = 380, .search = "", .kinds = 0, \
                 .disabled = "", .has_range = FALSE, .font_scale = 1.0, .dark = FALSE, \
                 .mode = NHS_CHART_MODE_TIMELINE, .export_width = 1600
#define BUNDLED "NHS doctors' pay dispute in England"

/* Valid values, none of them the default: the key file is read */
static const Case control = {
  "window-width=1000\nwindow-height=700\nchart-pane-position=300\ncolor-scheme='dark'\n"
  "filter-search='strike'\nfilter-kinds='strikes'\nfilter-hidden-groups=['sas']\n"
  "filter-from='2023-01-01'\nfilter-to='2024-12-31'\nreader-font-scale=1.5\nchart-mode='monthly'\n"
  "export-width=800\nlast-dataset='file://@WORK@/fixture.json'\n",
  0, .width = 1000, .height = 700, .chart_pane = 300, .search = "strike",
  .kinds = NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_STRIKE), .disabled = "sas", .has_range = TRUE,
  .font_scale = 1.5, .dark = TRUE, .mode = NHS_CHART_MODE_MONTHLY, .export_width = 800,
  .dataset = "Test fixture", .notice = NULL,
};

/* Not GVariant text at all (a string key's text without quotes is that
 * text, GSettings' own leniency, so those begin with a stray quote) */
static const Case unparseable = {
  "window-width=12abc\nwindow-height=\nwindow-maximized=maybe\nchart-pane-position=[\n"
  "list-pane-position=0x\ncolor-scheme=\"purple\nlast-dataset=\"unterminated\nfilter-search=\"\n"
  "filter-hidden-groups=[nonsense\nfilter-kinds=\"strikes\nfilter-from=\"2024-01-01\n"
  "reader-font-scale=1.0.0\nchart-mode=<monthly>\nchart-show-pay=yes\nexport-width=1e3\n"
  "export-background=@@\n",
  0, DEFAULTS, .dataset = BUNDLED, .notice = NULL,
};

/* Well-formed, of the wrong type (a string key takes any text that does
 * not start with a quote as a string: those are in the cases around) */
static const Case wrong_types = {
  "window-width='1000'\nwindow-height=700.5\nwindow-maximized=1\nchart-pane-position=true\n"
  "color-scheme=2\nfilter-hidden-groups='resident'\n"
  "filter-kinds=['strikes']\nfilter-from=20240101\nreader-font-scale='big'\nchart-mode=1\n"
  "chart-show-pay=0\nexport-width='800'\nexport-scale=1.5\n",
  0, DEFAULTS, .dataset = BUNDLED, .notice = NULL,
};

/* The right type, outside what the key takes */
static const Case out_of_range = {
  "window-width=-5\nwindow-height=999999\nchart-pane-position=-1\nlist-pane-position=40000\n"
  "color-scheme='purple'\nfilter-kinds='nonsense'\nfilter-from='2024-13-45'\nfilter-to='2024-02-30'\n"
  "reader-font-scale=1e308\nchart-mode='pie'\nexport-width=5\nexport-height=1000000\nexport-scale=3\n"
  "export-background='neon'\nlast-dataset='file:///nonexistent/gone-away.json'\n",
  0, DEFAULTS, .dataset = BUNDLED, .notice = "gone-away.json",
};

/* In range for GSettings, yet no use: not a number, a pane beyond the
 * window, groups the dataset does not have, a range that ends before it
 * starts, and the last dataset a folder */
static const Case odd = {
  "reader-font-scale=nan\nchart-pane-position=32000\nfilter-hidden-groups=['nope', 'resident', '', 'Res <b>']\n"
  "filter-from='2025-06-01'\nfilter-to='2023-01-01'\nlast-dataset='file://@WORK@/folder.json'\n",
  0, .width = 1280, .height = 820, .chart_pane = -1, .search = "", .kinds = 0, .disabled = "nope resident",
  .has_range = FALSE, .font_scale = 1.0, .dark = FALSE, .mode = NHS_CHART_MODE_TIMELINE, .export_width = 1600,
  .dataset = BUNDLED, .notice = "folder.json",
};

static const Case infinite = {
  "reader-font-scale=-inf\nlast-dataset='file://@WORK@/binary.json'\n",
  0, DEFAULTS, .dataset = BUNDLED, .notice = "binary.json",
};

/* Not an address; unquoted, as a person might write it */
static const Case not_a_uri = {
  "last-dataset=just some words\n",
  0, DEFAULTS, .dataset = BUNDLED, .notice = "The last dataset, just some words, could not be opened",
};

/* Not a key file: bytes from a broken disk */
#define NOT_A_KEYFILE "\x7f" "ELF\x02\x01\x01\x00\xff\xfe[org/example/NhsDispute\nwindow-width=\xc3\x28\n\x00\x01\x02"
static const Case not_a_keyfile = {
  NOT_A_KEYFILE, sizeof NOT_A_KEYFILE - 1, DEFAULTS, .dataset = BUNDLED, .notice = NULL,
};

/* The child {{{ */

static gboolean
has_dataset (gpointer data)
{
  return nhs_window_get_dataset (data) != NULL && !nhs_window_is_loading (data);
}

static gboolean
panes_allocated (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

static char *
join (char **strv)
{
  return g_strjoinv (" ", strv);
}

static void
check_window (const Case *c)
{
  NhsWindow *window = new_window_in_background ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(NhsColorScheme) scheme = nhs_color_scheme_new (settings, gtk_settings_get_default ());
  NhsEventFilter *filter = nhs_window_get_filter (window);
  GtkWidget *chart_paned = test_widget_find_descendant (GTK_WIDGET (window), GTK_TYPE_PANED);
  GtkWidget *chart = test_widget_find_descendant (GTK_WIDGET (window), NHS_TYPE_CHART_VIEW);
  g_auto(GStrv) disabled = nhs_event_filter_dup_disabled_groups (filter);
  g_autofree char *disabled_text = join (disabled);
  g_autofree char *theme = NULL;
  NhsChartExportOptions view_options, export_options;
  NhsExportDialog *export_dialog;
  GtkWidget *preferences;
  GtkLabel *notice;
  double font_scale = 0;
  int width, height;

  /* the size and state the window opens with */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, c->width);
  g_assert_cmpint (height, ==, c->height);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  /* the dataset: the last one, or the bundled one and a notice */
  nhs_window_load_initial (window);
  wait_until (has_dataset, window);
  settle (window);
  g_assert_cmpstr (nhs_dataset_get_title (nhs_window_get_dataset (window)), ==, c->dataset);
  notice = nhs_window_get_notice_label (window);
  if (c->notice == NULL && notice != NULL)
    g_error ("unexpected notice: %s", gtk_label_get_text (notice));
  else if (c->notice == NULL)
    g_assert_null (notice);
  else
    {
      g_assert_nonnull (notice);
      g_test_message ("notice: %s", gtk_label_get_text (notice));
      g_assert_nonnull (strstr (gtk_label_get_text (notice), c->notice));
      g_assert_nonnull (strstr (gtk_label_get_text (notice), "so the bundled dataset is shown"));
      g_assert_null (strstr (gtk_label_get_text (notice), "(null)"));
    }

  /* the filter, and the list following it */
  g_assert_cmpstr (nhs_event_filter_get_search (filter), ==, c->search);
  g_assert_cmpuint (nhs_event_filter_get_kinds (filter), ==, c->kinds);
  g_assert_cmpstr (disabled_text, ==, c->disabled);
  g_assert_cmpint (nhs_event_filter_get_from (filter) != NULL, ==, c->has_range);
  g_assert_cmpint (nhs_event_filter_get_to (filter) != NULL, ==, c->has_range);
  g_assert_cmpstr (gtk_editable_get_text (nhs_event_list_get_search_entry (nhs_window_get_event_list (window))),
                   ==, c->search);

  /* the panes: as saved, or within the window */
  g_assert_nonnull (chart_paned);
  wait_until (panes_allocated, chart_paned);
  settle (window);
  if (c->chart_pane >= 0)
    g_assert_cmpint (gtk_paned_get_position (GTK_PANED (chart_paned)), ==, c->chart_pane);
  else
    {
      GtkWidget *below = gtk_paned_get_end_child (GTK_PANED (chart_paned));
      int max_position, min_below;

      g_object_get (chart_paned, "max-position", &max_position, NULL);
      gtk_widget_measure (below, GTK_ORIENTATION_VERTICAL, -1, &min_below, NULL, NULL, NULL);
      g_assert_cmpint (gtk_paned_get_position (GTK_PANED (chart_paned)), <=, max_position);
      /* the list and the reader keep at least the room they need */
      g_assert_cmpint (gtk_widget_get_height (below), >=, min_below);
      g_assert_cmpint (gtk_widget_get_height (below), >, 0);
    }

  /* the reader's text size, and the preferences showing it */
  g_object_get (nhs_window_get_reader (window), "font-scale", &font_scale, NULL);
  g_assert_cmpfloat (font_scale, ==, c->font_scale);
  preferences = GTK_WIDGET (nhs_preferences_dialog_new (settings));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
                       preferences, NHS_TYPE_PREFERENCES_DIALOG, "font_scale_spin"))), ==, c->font_scale * 100);
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* the colour scheme */
  g_assert_cmpint (nhs_color_scheme_get_dark (scheme), ==, c->dark);
  theme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (theme, ==, c->dark ? "dark" : "default");

  /* the chart, and what Export Chart… starts from */
  nhs_chart_view_get_export_options (NHS_CHART_VIEW (chart), &view_options);
  g_assert_cmpint (view_options.mode, ==, c->mode);
  g_assert_false (view_options.show_cumulative);
  g_assert_true (view_options.show_pay);
  export_dialog = nhs_export_dialog_new (GTK_WINDOW (window), nhs_window_get_dataset (window), filter,
                                         NHS_CHART_VIEW (chart));
  nhs_export_dialog_get_options (export_dialog, &export_options);
  g_assert_cmpint (export_options.width, ==, c->export_width);
  g_assert_cmpint (export_options.height, ==, 900);
  g_assert_cmpint (export_options.scale, ==, 1);
  g_assert_cmpint (export_options.background, ==, NHS_CHART_BACKGROUND_LIGHT);
  g_assert_true (export_options.show_title && export_options.show_legend && export_options.show_source);
  gtk_window_destroy (GTK_WINDOW (export_dialog));

  /* and the window works: a search filters the list */
  type_search (window, "zzz-nothing-matches");
  settle (window);
  g_free (disabled_text);
  disabled_text = visible_ids (window);
  g_assert_cmpstr (disabled_text, ==, "");
  close_window (window);
}

/* }}} */
/* The parent {{{ */

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *work = NULL;
  g_autofree char *config = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *fixture_text = NULL;
  g_autofree char *binary = NULL;
  g_autoptr(GRand) rand = NULL;
  guchar noise[4096];
  gsize fixture_len;

  if (g_test_subprocess ())
    {
      check_window (c);
      return;
    }

  /* the work folder: the key file, and what last-dataset may point at */
  work = test_make_tmpdir_for_children (WORK_PREFIX);
  config = g_build_filename (work, "config", "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  folder = g_build_filename (work, "folder.json", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  fixture = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_assert_true (g_file_get_contents (fixture, &fixture_text, &fixture_len, NULL));
  g_free (fixture);
  fixture = g_build_filename (work, "fixture.json", NULL);
  g_assert_true (g_file_set_contents (fixture, fixture_text, fixture_len, NULL));
  rand = g_rand_new_with_seed (7);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar) g_rand_int_range (rand, 0, 256);
  binary = g_build_filename (work, "binary.json", NULL);
  g_assert_true (g_file_set_contents (binary, (const char *) noise, sizeof noise, NULL));

  if (c->raw_length == 0)
    {
      g_auto(GStrv) parts = g_strsplit (c->keys, "@WORK@", -1);
      keys = g_strjoinv (work, parts);
    }
  keyfile = g_build_filename (config, "keyfile", NULL);
  if (c->raw_length > 0)
    g_assert_true (g_file_set_contents (keyfile, c->keys, c->raw_length, NULL));
  else
    {
      contents = g_strconcat ("[org/example/NhsDispute]\n", keys, NULL);
      g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
    }

  test_run_child_and_remove (work);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* a child: the key file of its case, before anything reads settings */
  if (g_test_subprocess ())
    {
      g_autofree char *work = test_tmpdir_for_process (WORK_PREFIX, getppid ());
      g_autofree char *config_home = g_build_filename (work, "config", NULL);

      g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
      g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
    }
  if (!test_ui_init ("/robust-settings/no-display", FALSE))
    return g_test_run ();

  g_test_add_data_func ("/robust-settings/control", &control, test_case);
  g_test_add_data_func ("/robust-settings/unparseable", &unparseable, test_case);
  g_test_add_data_func ("/robust-settings/wrong-types", &wrong_types, test_case);
  g_test_add_data_func ("/robust-settings/out-of-range", &out_of_range, test_case);
  g_test_add_data_func ("/robust-settings/odd", &odd, test_case);
  g_test_add_data_func ("/robust-settings/infinite", &infinite, test_case);
  g_test_add_data_func ("/robust-settings/not-a-uri", &not_a_uri, test_case);
  g_test_add_data_func ("/robust-settings/not-a-keyfile", &not_a_keyfile, test_case);
  return g_test_run ();
}
