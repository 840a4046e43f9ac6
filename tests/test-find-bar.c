/* test-find-bar.c: the find bar marks every match in its view's text,
 * counts them, steps through them both ways, and takes its marks away
 * when it closes
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nhs-find-bar.h"
#include "test-util.h"

#define TEXT "Strike talks. A strike, then STRIKE again; no more."

typedef struct
{
  GtkWidget *window;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  NhsFindBar *bar;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  f->buffer = gtk_text_view_get_buffer (f->view);
  gtk_text_buffer_set_text (f->buffer, TEXT, -1);
  /* a tag of the view's own, made first, as the reader's are */
  gtk_text_buffer_create_tag (f->buffer, "quote", NULL);
  f->bar = NHS_FIND_BAR (nhs_find_bar_new ());
  nhs_find_bar_set_view (f->bar, f->view);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  test_drain_main_context (0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_drain_main_context (0);
}

static void
search (Fixture    *f,
        const char *text)
{
  gtk_editable_set_text (nhs_find_bar_get_entry (f->bar), text);
  /* GtkSearchEntry waits before it says; the test does not */
  g_signal_emit_by_name (nhs_find_bar_get_entry (f->bar), "search-changed");
}

static const char *
count (Fixture *f)
{
  return gtk_label_get_label (nhs_find_bar_get_count_label (f->bar));
}

/* The ranges the tag covers, as "start-end start-end" in characters */
static char *
tagged (Fixture    *f,
        const char *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (f->buffer), name);
  GString *out = g_string_new (NULL);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (f->buffer, &iter);
  do
    {
      if (gtk_text_iter_starts_tag (&iter, tag))
        {
          GtkTextIter end = iter;

          gtk_text_iter_forward_to_tag_toggle (&end, tag);
          g_string_append_printf (out, "%s%d-%d", out->len ? " " : "",
                                  gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&end));
        }
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
  return g_string_free (out, FALSE);
}

static int
cursor_offset (Fixture *f)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (f->buffer, &iter, gtk_text_buffer_get_insert (f->buffer));
  return gtk_text_iter_get_offset (&iter);
}

static void
assert_tagged (Fixture    *f,
               const char *name,
               const char *expected)
{
  g_autofree char *ranges = tagged (f, name);

  g_assert_cmpstr (ranges, ==, expected);
}

static void
test_count_and_step (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_false (nhs_find_bar_is_open (f->bar));
  nhs_find_bar_open (f->bar);
  g_assert_true (nhs_find_bar_is_open (f->bar));

  /* case folded: every "strike", the first current */
  search (f, "strike");
  assert_tagged (f, "find-match", "0-6 16-22 29-35");
  assert_tagged (f, "find-current", "0-6");
  g_assert_cmpstr (count (f), ==, "1 of 3");

  nhs_find_bar_step (f->bar, 1);
  g_assert_cmpstr (count (f), ==, "2 of 3");
  assert_tagged (f, "find-current", "16-22");
  g_assert_cmpint (cursor_offset (f), ==, 16);

  /* back past the first to the last */
  nhs_find_bar_step (f->bar, -1);
  nhs_find_bar_step (f->bar, -1);
  g_assert_cmpstr (count (f), ==, "3 of 3");
  assert_tagged (f, "find-current", "29-35");
  nhs_find_bar_step (f->bar, 1);
  g_assert_cmpstr (count (f), ==, "1 of 3");

  /* nothing found: said, and the entry shows it */
  search (f, "zebra");
  g_assert_cmpstr (count (f), ==, "No matches");
  assert_tagged (f, "find-match", "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nhs_find_bar_get_entry (f->bar)), "error"));
  nhs_find_bar_step (f->bar, 1);
  g_assert_cmpstr (count (f), ==, "No matches");

  search (f, "");
  g_assert_cmpstr (count (f), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (nhs_find_bar_get_entry (f->bar)), "error"));
}

/* The current match after the text changed is the first at or after the
 * cursor, and the view does not move to it */
static void
test_update_from_cursor (Fixture       *f,
                         gconstpointer  data)
{
  GtkTextIter iter;

  nhs_find_bar_open (f->bar);
  search (f, "strike");
  gtk_text_buffer_set_text (f->buffer, "strike one; " TEXT, -1);
  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, 20);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
  nhs_find_bar_update (f->bar);
  g_assert_cmpstr (count (f), ==, "3 of 4");
  g_assert_cmpint (cursor_offset (f), ==, 20);
  assert_tagged (f, "find-match", "0-6 12-18 28-34 41-47");
}

/* Closing takes every mark away; the bar's tags show over the view's own */
static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (f->buffer);

  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "find-match")), >,
                   gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "quote")));
  g_assert_cmpint (gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "find-current")), >,
                   gtk_text_tag_get_priority (gtk_text_tag_table_lookup (table, "find-match")));

  nhs_find_bar_open (f->bar);
  search (f, "again");
  assert_tagged (f, "find-match", "36-41");
  g_assert_cmpstr (count (f), ==, "1 of 1");
  g_object_set (gtk_widget_get_first_child (GTK_WIDGET (f->bar)), "search-mode-enabled", FALSE, NULL);
  g_assert_false (nhs_find_bar_is_open (f->bar));
  assert_tagged (f, "find-match", "");
  assert_tagged (f, "find-current", "");

  /* text changes while closed find nothing */
  nhs_find_bar_update (f->bar);
  assert_tagged (f, "find-match", "");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/find-bar/count-and-step", Fixture, NULL, fixture_set_up, test_count_and_step, fixture_tear_down);
  g_test_add ("/find-bar/update-from-cursor", Fixture, NULL, fixture_set_up, test_update_from_cursor, fixture_tear_down);
  g_test_add ("/find-bar/close", Fixture, NULL, fixture_set_up, test_close, fixture_tear_down);
  return g_test_run ();
}
