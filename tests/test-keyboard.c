/* test-keyboard.c: a whole task in the window from the keyboard alone
 * (needs a display and xdotool)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real key presses, made by the X server's XTEST extension through xdotool
 * and read by GTK as any keyboard's; no pointer event at all. Nothing here
 * calls a widget to act: after each key the test reads what the window
 * shows (the focus, the filter, the rows, the reader, the saved file).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "nhs-application.h"
#include "nhs-filter-settings.h"
#include "test-window-util.h"

/* Sends keys ("Tab", "ctrl+plus") or text with xdotool, then lets GTK
 * read them */
static void
xdotool (NhsWindow  *window,
         const char *command,
         const char *what)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "xdotool", command, "--delay", "30", what, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  settle (window);
}

static void
press (NhsWindow  *window,
       const char *keys)
{
  xdotool (window, "key", keys);
}

static void
type (NhsWindow  *window,
      const char *text)
{
  xdotool (window, "type", text);
}

static GtkWidget *
focus_of (NhsWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (NhsWindow *window,
          gpointer   widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

typedef gboolean (*FocusTest) (NhsWindow *window, gpointer data);

static gboolean
focus_is_title (NhsWindow *window,
                gpointer   data)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && g_str_equal (G_OBJECT_TYPE_NAME (focus), "GtkColumnViewTitle");
}

/* Presses key until test holds, at most max times; returns how many */
static int
press_until (NhsWindow  *window,
             const char *key,
             FocusTest   test,
             gpointer    data,
             int         max)
{
  for (int i = 0; i <= max; i++)
    {
      if (test (window, data))
        return i;
      press (window, key);
    }
  g_error ("%s %d times did not reach the control", key, max);
}

/* The column a focused title stands for (the titles are in column order) */
static char *
focused_title (NhsWindow *window)
{
  GtkWidget *focus = focus_of (window);
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GListModel *columns = gtk_column_view_get_columns (view);
  guint i = 0;

  for (GtkWidget *w = gtk_widget_get_prev_sibling (focus); w != NULL; w = gtk_widget_get_prev_sibling (w))
    i++;
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
    return g_strdup (gtk_column_view_column_get_title (column));
  }
}

static GPtrArray *
shown_events (NhsWindow *window)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GPtrArray *events = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NhsEventSlot) slot = g_list_model_get_item (model, i);
      g_ptr_array_add (events, nhs_event_slot_get_event (slot));
    }
  return events;
}

static gboolean
toast_shown (gpointer data)
{
  return nhs_window_get_notice_label (data) != NULL;
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Counts the case-insensitive matches of word in text */
static guint
count_matches (const char *text,
               const char *word)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_word = g_utf8_casefold (word, -1);
  guint n = 0;

  for (const char *p = strstr (folded_text, folded_word); p != NULL; p = strstr (p + strlen (folded_word), folded_word))
    n++;
  return n;
}

static void
test_whole_task (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(NhsApplication) app = NULL;
  g_autofree char *folder = g_dir_make_tmp ("nhs-keyboard-XXXXXX", NULL);
  g_autofree char *folder_uri = g_filename_to_uri (folder, NULL, NULL);
  g_autofree char *png = g_build_filename (folder, "nhs-dispute-chart.png", NULL);
  NhsWindow *window;
  NhsEventList *list;
  NhsArticleReader *reader;
  NhsEventFilter *filter;
  GtkColumnView *view;
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *core = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *title = NULL;
  g_autofree char *word = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *png_bytes = NULL;
  gsize png_length = 0;
  gboolean saw_chart = FALSE;
  NhsEvent *first;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  guint n_evidence;
  int presses;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed (Debian package xdotool)");
      return;
    }

  reset_settings ();
  settings = g_settings_new (APP_ID);
  /* the export starts in the folder of the last one */
  g_settings_set_string (settings, "export-folder", folder_uri);
  /* the real application: its accelerators (Ctrl+E) and its style */
  app = nhs_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = nhs_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  nhs_window_load_bundled (window);
  settle (window);
  list = nhs_window_get_event_list (window);
  reader = nhs_window_get_reader (window);
  filter = nhs_window_get_filter (window);
  view = nhs_event_list_get_column_view (list);

  /* Tab from the start reaches the search entry, in reading order: the
   * chart and its toolbar first, and nothing of the list before it */
  for (presses = 0; presses < 20 && !focus_in (window, nhs_event_list_get_search_entry (list)); presses++)
    {
      saw_chart |= focus_in (window, GTK_WIDGET (nhs_window_get_chart_view (window)));
      g_assert_false (focus_in (window, view));
      press (window, "Tab");
    }
  g_assert_true (focus_in (window, nhs_event_list_get_search_entry (list)));
  g_assert_true (saw_chart);

  /* type: the list filters as the core filter does */
  type (window, "strike");
  g_assert_cmpstr (nhs_event_filter_get_search (filter), ==, "strike");
  core = test_matching_ids (nhs_window_get_dataset (window), filter);
  g_assert_cmpstr (core, !=, "");

  /* turn a group off: the next Tab stop is the first group; SAS is the
   * third */
  press (window, "Tab");
  g_assert_true (focus_in (window, nhs_event_list_get_group_toggle (list, "resident")));
  press (window, "Tab");
  press (window, "Tab");
  g_assert_true (focus_in (window, nhs_event_list_get_group_toggle (list, "sas")));
  press (window, "space");
  g_assert_false (nhs_event_filter_get_group_enabled (filter, "sas"));
  g_assert_true (nhs_event_filter_get_group_enabled (filter, "resident"));
  shown = shown_events (window);
  for (guint i = 0; i < shown->len; i++)
    g_assert_true (nhs_event_filter_match (filter, g_ptr_array_index (shown, i)));
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* pick a kind from the menu: Strikes, the second */
  press (window, "Tab");
  g_assert_true (focus_in (window, nhs_event_list_get_kind_dropdown (list)));
  press (window, "space");
  press (window, "Down");
  press (window, "Return");
  g_assert_cmpuint (gtk_drop_down_get_selected (nhs_event_list_get_kind_dropdown (list)), ==, 1);
  g_assert_cmpuint (nhs_event_filter_get_kinds (filter), ==, 1u << NHS_EVENT_KIND_STRIKE);

  /* type a From date */
  press (window, "Tab");
  press (window, "space");
  type (window, "2023-06-01");
  press (window, "Return");
  g_assert_nonnull (nhs_event_filter_get_from (filter));
  {
    g_autofree char *day = g_date_time_format (nhs_event_filter_get_from (filter), "%Y-%m-%d");
    g_assert_cmpstr (day, ==, "2023-06-01");
  }
  g_clear_pointer (&core, g_free);
  core = test_matching_ids (nhs_window_get_dataset (window), filter);
  ids = visible_ids (window);
  g_assert_cmpstr (ids, ==, core);
  g_assert_cmpstr (ids, !=, "");

  /* sort by Days: on to the column titles, Right to Days, Enter sorts up,
   * Enter again down */
  press_until (window, "Tab", (FocusTest) focus_is_title, NULL, 4);
  title = focused_title (window);
  g_assert_cmpstr (title, ==, "Date");
  for (int i = 0; i < 6 && g_strcmp0 (title, "Days") != 0; i++)
    {
      press (window, "Right");
      g_free (title);
      title = focused_title (window);
    }
  g_assert_cmpstr (title, ==, "Days");
  press (window, "Return");
  press (window, "Return");
  shown = shown_events (window);
  g_assert_cmpuint (shown->len, >, 1);
  for (guint i = 1; i < shown->len; i++)
    g_assert_cmpuint (nhs_event_get_strike_days (g_ptr_array_index (shown, i - 1)), >=,
                      nhs_event_get_strike_days (g_ptr_array_index (shown, i)));
  g_assert_cmpuint (nhs_event_get_strike_days (g_ptr_array_index (shown, 0)), >,
                    nhs_event_get_strike_days (g_ptr_array_index (shown, shown->len - 1)));
  first = g_ptr_array_index (shown, 0);

  /* the rows are one Tab stop: select the first row */
  press (window, "Tab");
  g_assert_true (focus_in (window, view));
  press (window, "Home");
  g_assert_true (nhs_event_list_get_selected_event (list) == first);
  g_assert_true (nhs_article_reader_get_event (reader) == first);
  /* and the next Tab leaves them for the reader */
  press (window, "Tab");
  g_assert_false (focus_in (window, view));
  g_assert_true (focus_in (window, reader));

  /* step through its evidence with the reader's arrow button */
  n_evidence = nhs_event_get_evidence (first)->len;
  g_assert_cmpuint (n_evidence, >=, 2);
  press_until (window, "Tab", focus_in, nhs_article_reader_get_evidence_button (reader, TRUE), 6);
  for (guint k = 1; k <= n_evidence; k++)
    {
      g_autofree char *label = g_strdup_printf ("Evidence %u of %u", k, n_evidence);

      g_assert_cmpstr (gtk_label_get_label (nhs_article_reader_get_evidence_count_label (reader)), ==, label);
      g_assert_true (nhs_article_reader_get_evidence (reader) == g_ptr_array_index (nhs_event_get_evidence (first), k - 1));
      if (k < n_evidence)
        press (window, "space");
    }
  /* at the end the focus moves to the other arrow: back to the first, an
   * article's quote */
  g_assert_true (focus_in (window, nhs_article_reader_get_evidence_button (reader, FALSE)));
  for (guint k = 1; k < n_evidence; k++)
    press (window, "space");
  g_assert_true (nhs_article_reader_get_evidence (reader) == g_ptr_array_index (nhs_event_get_evidence (first), 0));
  g_assert_true (nhs_article_reader_shows_text (reader));

  /* find a word of the article: its longest word of the body */
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader)), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  {
    g_auto(GStrv) words = g_regex_split_simple ("[^A-Za-z]+", text, 0, 0);
    for (guint i = 0; words[i] != NULL; i++)
      if (strlen (words[i]) > (word ? strlen (word) : 5))
        {
          g_free (word);
          word = g_strdup (words[i]);
        }
  }
  press (window, "ctrl+f");
  g_assert_true (focus_in (window, nhs_article_reader_get_find_entry (reader)));
  g_assert_nonnull (word);
  type (window, word);
  /* the current match is the first after the cursor, at the quote */
  expected = g_strdup_printf (" of %u", count_matches (text, word));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (nhs_article_reader_get_find_count_label (reader)), expected));
  press (window, "Escape");

  /* export the chart: Ctrl+E, Enter for the file, Enter to save in the
   * folder of the last export */
  press (window, "ctrl+e");
  press (window, "Return");
  for (int i = 0; i < 20 && !g_file_test (png, G_FILE_TEST_EXISTS); i++)
    {
      g_usleep (100000);
      press (window, "Return");
    }
  wait_until (file_written, png);
  g_assert_true (g_file_get_contents (png, &png_bytes, &png_length, NULL));
  g_assert_cmpuint (png_length, >, 8);
  g_assert_cmpmem (png_bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  wait_until (toast_shown, window);
  g_assert_cmpstr (gtk_label_get_label (nhs_window_get_notice_label (window)), ==,
                   "Saved the chart to nhs-dispute-chart.png");

  close_window (window);
  g_unlink (png);
  g_rmdir (folder);
  reset_settings ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!test_ui_init ("/keyboard/no-display", TRUE))
    return g_test_run ();
  g_test_add_func ("/keyboard/whole-task", test_whole_task);
  return g_test_run ();
}
