/* test-evidence-editor.c: the inspector's evidence list and New Event from
 * Selection (needs a display, and xdotool for the keys)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Removes, reorders and adds evidence the way a person does (the rows'
 * keys pressed through the X server, the form's Enter), and reads back the
 * list and the saved file.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "nhs-article-reader-private.h"
#include "nhs-evidence-editor.h"
#include "test-tmpdir.h"
#include "test-copy-util.h"
#include "test-window-util.h"

typedef struct
{
  char *dir;
  char *path;
  GBytes *original;
  NhsWindow *window;
  NhsInspector *inspector;
  NhsEvidenceEditor *editor;
  guint changes;                /* the document's "changed" signals */
} Fixture;

/* A canonical copy of the dataset (data: a file of tests/data, or NULL
 * for the bundled one) in a folder of its own, in a window with the focus */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  TestCopy copy = { 0 };
  g_autoptr(NhsDataset) dataset = test_copy_make (&copy, data);

  f->dir = copy.dir;
  f->path = copy.path;
  f->original = copy.original;
  reset_settings ();
  f->window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 950);
  nhs_window_set_dataset (f->window, dataset);
  settle (f->window);
  f->inspector = nhs_window_get_inspector (f->window);
  f->editor = NHS_EVIDENCE_EDITOR (nhs_inspector_get_evidence_editor (f->inspector));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  test_copy_clear (&(TestCopy) { f->dir, f->path, f->original });
  reset_settings ();
}

/* Keys pressed through the X server ("alt+Up"), then read by GTK */
static void
press (NhsWindow  *window,
       const char *keys)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "xdotool", "key", "--delay", "30", keys, NULL };
  int status = 0;

  /* the keys go to the window that has the X focus, which no window
   * manager gives back when the form closes */
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (window)));
  settle (window);
}

static void
changed_cb (Fixture *f)
{
  f->changes++;
}

static gboolean
changed_since (gpointer data)
{
  Fixture *f = data;

  return f->changes > GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window), "changes-before"));
}

/* Presses keys that make an edit, and waits for the edit (the X server
 * hands GTK the keys when it will) */
static void
press_edit (Fixture    *f,
            const char *keys)
{
  NhsDocument *doc = nhs_window_get_document (f->window);

  if (doc != NULL && g_object_get_data (G_OBJECT (doc), "test-counted") == NULL)
    {
      g_signal_connect_swapped (doc, "changed", G_CALLBACK (changed_cb), f);
      g_object_set_data (G_OBJECT (doc), "test-counted", f);
    }
  g_object_set_data (G_OBJECT (f->window), "changes-before", GUINT_TO_POINTER (f->changes));
  press (f->window, keys);
  if (doc != NULL)
    {
      gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

      while (!changed_since (f) && g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (2000);
      /* Now and then a chord xdotool sends never reaches GTK (no key event
       * at all, the focus still on the row): once more */
      if (!changed_since (f))
        {
          g_test_message ("no edit after %s: pressing it again", keys);
          press (f->window, keys);
        }
      wait_until (changed_since, f);
    }
  settle (f->window);
}

static guint
n_rows (Fixture *f)
{
  GtkListBox *list = nhs_evidence_editor_get_list (f->editor);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The texts of a row's labels, joined by " | " */
static char *
row_text (Fixture *f,
          guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (nhs_evidence_editor_get_list (f->editor), index);
  GString *out = g_string_new (NULL);
  GtkWidget *widget;

  g_assert_nonnull (row);
  /* depth first through the row's widgets */
  widget = gtk_widget_get_first_child (GTK_WIDGET (row));
  while (widget != NULL && widget != GTK_WIDGET (row))
    {
      GtkWidget *next;

      if (GTK_IS_LABEL (widget) && !GTK_IS_BUTTON (gtk_widget_get_parent (widget)))
        {
          if (out->len)
            g_string_append (out, " | ");
          g_string_append (out, gtk_label_get_label (GTK_LABEL (widget)));
        }
      if ((next = gtk_widget_get_first_child (widget)) != NULL && !GTK_IS_BUTTON (widget))
        {
          widget = next;
          continue;
        }
      while (widget != GTK_WIDGET (row) && gtk_widget_get_next_sibling (widget) == NULL)
        widget = gtk_widget_get_parent (widget);
      if (widget != GTK_WIDGET (row))
        widget = gtk_widget_get_next_sibling (widget);
    }
  return g_string_free (out, FALSE);
}

/* The button of the row named name ("Remove Evidence") by its tooltip */
static GtkWidget *
row_button (Fixture    *f,
            guint       index,
            const char *name)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (nhs_evidence_editor_get_list (f->editor), index);
  GtkWidget *line = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (row)));

  for (GtkWidget *child = gtk_widget_get_first_child (line); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), name) == 0)
      return child;
  g_error ("no button %s in row %u", name, index);
}

static char *
saved_text (Fixture *f)
{
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(NhsDataset) check = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  /* the loader takes what was saved */
  check = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

static gboolean
bytes_are (Fixture *f,
           GBytes  *expected)
{
  g_autoptr(GBytes) bytes = nhs_document_to_bytes (nhs_window_get_document (f->window));

  return g_bytes_equal (bytes, expected);
}

/* mapped: the inspector has slid in, the form shows */
static gboolean
shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
has_message (gpointer data)
{
  return nhs_evidence_editor_get_message (data) != NULL;
}

static gboolean
form_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
list_empty (gpointer data)
{
  return n_rows (data) == 0;
}

static gboolean
form_shown (gpointer data)
{
  GtkWindow *form = nhs_evidence_editor_get_form (data);

  return form != NULL && gtk_widget_get_mapped (GTK_WIDGET (form));
}

static void
test_edit_list (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *add = nhs_evidence_editor_get_add_button (f->editor);
  GtkWindow *form;
  GtkEntry *note;
  GtkDropDown *sources;
  g_autofree char *text = NULL, *row = NULL;
  NhsEvent *event = lookup (f->window, "rd-2024-01");
  const char *citation, *quote;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed (Debian package xdotool)");
      return;
    }

  nhs_window_inspect_event (f->window, event, TRUE);
  settle (f->window);
  g_assert_cmpuint (n_rows (f), ==, 1);
  row = row_text (f, 0);
  g_assert_cmpstr (row, ==, "Junior doctors to strike | “for six full days from January 3 to January 9”");

  /* Add Source Citation…: the form, a source and a note, Enter */
  wait_until (shown, add);
  /* as Enter or Space on the button: GTK clicks it a moment later */
  gtk_widget_activate (add);
  wait_until (form_shown, f->editor);
  form = nhs_evidence_editor_get_form (f->editor);
  sources = nhs_evidence_editor_get_source_drop_down (f->editor);
  note = nhs_evidence_editor_get_note_entry (f->editor);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (sources)), ==, 1);
  /* no source chosen: refused, with the reason (Enter in the note) */
  gtk_drop_down_set_selected (sources, GTK_INVALID_LIST_POSITION);
  gtk_widget_grab_focus (GTK_WIDGET (note));
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (note)), "activate");
  wait_until (has_message, f->editor);
  g_assert_cmpstr (nhs_evidence_editor_get_message (f->editor), ==, "Choose the source to cite");
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  gtk_drop_down_set_selected (sources, 0);
  gtk_editable_set_text (GTK_EDITABLE (note), "Called by the BMA");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (note)), "activate");
  wait_until (form_hidden, form);
  settle (f->window);
  g_assert_null (nhs_evidence_editor_get_message (f->editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_clear_pointer (&row, g_free);
  row = row_text (f, 1);
  g_assert_cmpstr (row, ==, "BMA strike notice | Called by the BMA");
  g_assert_cmpstr (nhs_document_get_undo_name (nhs_window_get_document (f->window)), ==, "Add Source Citation");
  text = saved_text (f);
  citation = "        {\n"
             "          \"source\": \"src-bma\",\n"
             "          \"note\": \"Called by the BMA\"\n"
             "        }";
  quote = "          \"quote\": \"for six full days from January 3 to January 9\"\n";
  g_assert_nonnull (strstr (text, citation));
  g_assert_true (strstr (text, quote) < strstr (text, citation));

  /* Alt+Up on the second row: it comes first, and keeps the focus */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (nhs_evidence_editor_get_list (f->editor), 1)));
  press_edit (f, "alt+Up");
  g_assert_nonnull (nhs_evidence_get_source (g_ptr_array_index (nhs_event_get_evidence (event), 0)));
  g_clear_pointer (&row, g_free);
  row = row_text (f, 0);
  g_assert_cmpstr (row, ==, "BMA strike notice | Called by the BMA");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (nhs_evidence_editor_get_list (f->editor), 0)));
  g_clear_pointer (&text, g_free);
  text = saved_text (f);
  g_assert_nonnull (strstr (text, citation));
  g_assert_true (strstr (text, citation) < strstr (text, quote));
  /* Alt+Down takes it back */
  press_edit (f, "alt+Down");
  g_assert_nonnull (nhs_evidence_get_article (g_ptr_array_index (nhs_event_get_evidence (event), 0)));
  g_assert_cmpstr (nhs_document_get_undo_name (nhs_window_get_document (f->window)), ==, "Move Evidence");

  /* Delete on the focused row removes that piece */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (nhs_evidence_editor_get_list (f->editor), 1)));
  press_edit (f, "Delete");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpuint (nhs_event_get_evidence (event)->len, ==, 1);
  g_assert_nonnull (nhs_evidence_get_article (g_ptr_array_index (nhs_event_get_evidence (event), 0)));
  g_assert_cmpstr (nhs_document_get_undo_name (nhs_window_get_document (f->window)), ==, "Remove Evidence");

  /* the row's button does the same */
  gtk_widget_activate (row_button (f, 0, "Remove Evidence"));
  wait_until (list_empty, f);
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_clear_pointer (&text, g_free);
  text = saved_text (f);
  g_assert_nonnull (strstr (text, "      \"id\": \"rd-2024-01\",\n"));
  g_assert_null (strstr (text, quote));

  /* every step undone: the file's bytes as they were */
  while (nhs_document_can_undo (nhs_window_get_document (f->window)))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_true (bytes_are (f, f->original));
  g_assert_cmpuint (n_rows (f), ==, 1);
}

static gboolean
menu_has (GMenuModel *menu,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_new_event_from_selection (Fixture       *f,
                               gconstpointer  data)
{
  NhsArticleReader *reader = nhs_window_get_reader (f->window);
  GtkTextView *view = nhs_article_reader_get_text_view (reader);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *quote = "Thousands of medics will now go on strike in England from 7am on February 24 until "
                      "11.59pm on February 28.";
  g_autofree char *text = NULL, *expected = NULL;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *start_text = NULL;
  GtkTextIter start, end;
  const char *body_text, *at;
  guint n_events = g_list_model_get_n_items (nhs_dataset_get_events (nhs_window_get_dataset (f->window)));
  NhsEvent *event, *again;
  int body;

  /* in the reader's context menu, beside Cite Selection */
  g_assert_true (menu_has (gtk_text_view_get_extra_menu (view), "win.cite-selection"));
  g_assert_true (menu_has (gtk_text_view_get_extra_menu (view), "win.new-event-from-selection"));

  nhs_article_reader_show_article (reader, nhs_dataset_lookup_article (nhs_window_get_dataset (f->window),
                                                                       "art-2024-02-09-junior-doctors-february-strike"));
  settle (f->window);
  body = nhs_article_reader_get_body_offset (reader);
  body_text = nhs_article_get_body (nhs_article_reader_get_article (reader));
  at = strstr (body_text, quote);
  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, body + g_utf8_pointer_to_offset (body_text, at));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, body + g_utf8_pointer_to_offset (body_text, at) + g_utf8_strlen (quote, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-event-from-selection", NULL));
  settle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_events (nhs_window_get_dataset (f->window))), ==,
                    n_events + 1);
  /* the new event, selected and in the inspector, its fields read from the sentence */
  event = nhs_event_list_get_selected_event (nhs_window_get_event_list (f->window));
  g_assert_nonnull (event);
  g_assert_true (nhs_inspector_get_event (f->inspector) == event);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->inspector)));
  g_assert_cmpstr (nhs_document_get_undo_name (nhs_window_get_document (f->window)), ==, "New Event from Selection");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (nhs_inspector_get_field_widget (f->inspector, NHS_EVENT_FIELD_KIND))),
                    ==, NHS_EVENT_KIND_STRIKE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nhs_inspector_get_field_widget (f->inspector, NHS_EVENT_FIELD_START))),
                   ==, "2024-02-24T07:00");
  g_assert_cmpuint (n_rows (f), ==, 1);

  text = saved_text (f);
  expected = g_strdup_printf ("          \"quote\": \"%s\"\n", quote);
  g_assert_nonnull (strstr (text, expected));
  saved = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  again = nhs_dataset_lookup_event (saved, nhs_event_get_id (event));
  g_assert_nonnull (again);
  g_assert_cmpint (nhs_event_get_kind (again), ==, NHS_EVENT_KIND_STRIKE);
  start_text = g_date_time_format (nhs_event_get_start (again), "%Y-%m-%dT%H:%M");
  g_assert_cmpstr (start_text, ==, "2024-02-24T07:00");
  g_assert_cmpstr (nhs_group_get_id (g_ptr_array_index (nhs_event_get_groups (again), 0)), ==, "resident");
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (nhs_event_get_evidence (again), 0)), ==, quote);

  /* one undo takes it away, to the very bytes of before */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_true (bytes_are (f, f->original));
  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_events (nhs_window_get_dataset (f->window))), ==,
                    n_events);
}

static gboolean
inspecting (gpointer data)
{
  return nhs_inspector_get_event (data) != NULL;
}

/* Ctrl+Shift+E, the keys alone */
static void
test_new_event_shortcut (Fixture       *f,
                         gconstpointer  data)
{
  NhsArticleReader *reader = nhs_window_get_reader (f->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader));
  const char *quote = "February 28";
  GtkTextIter start, end;
  NhsEvent *event;
  int body;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed (Debian package xdotool)");
      return;
    }
  nhs_article_reader_show_article (reader, nhs_dataset_lookup_article (nhs_window_get_dataset (f->window), "art-feb"));
  settle (f->window);
  body = nhs_article_reader_get_body_offset (reader);
  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      body + g_utf8_pointer_to_offset (nhs_article_get_body (nhs_article_reader_get_article (reader)),
                                                                       strstr (nhs_article_get_body (nhs_article_reader_get_article (reader)), quote)));
  end = start;
  gtk_text_iter_forward_chars (&end, strlen (quote));
  gtk_text_buffer_select_range (buffer, &start, &end);
  nhs_article_reader_focus_text (reader);
  settle (f->window);

  press (f->window, "ctrl+shift+e");
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (!inspecting (f->inspector) && g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    /* a chord that never reached GTK, as in press_edit */
    if (!inspecting (f->inspector))
      press (f->window, "ctrl+shift+e");
  }
  wait_until (inspecting, f->inspector);
  event = nhs_inspector_get_event (f->inspector);
  g_assert_nonnull (event);
  g_assert_cmpstr (nhs_document_get_undo_name (nhs_window_get_document (f->window)), ==, "New Event from Selection");
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (nhs_event_get_evidence (event), 0)), ==, quote);
  /* no group named in the fixture's article: a date, the kind left for the person */
  g_assert_cmpint (nhs_event_get_kind (event), ==, NHS_EVENT_KIND_OTHER);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nhs_inspector_get_field_widget (f->inspector, NHS_EVENT_FIELD_START))),
                   ==, "2024-02-28");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* a cache folder of this run's own, for the recovery files */
  cache = test_make_tmpdir ();
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  if (!test_ui_init ("/evidence-editor/no-display", FALSE))
    return g_test_run ();

  g_test_add ("/evidence-editor/edit-list", Fixture, "fixture.json", fixture_set_up, test_edit_list,
              fixture_tear_down);
  g_test_add ("/evidence-editor/new-event-from-selection", Fixture, NULL, fixture_set_up,
              test_new_event_from_selection, fixture_tear_down);
  g_test_add ("/evidence-editor/new-event-shortcut", Fixture, "fixture.json", fixture_set_up,
              test_new_event_shortcut, fixture_tear_down);

  status = g_test_run ();
  test_remove_tree (cache);
  return status;
}
