/* test-window-util.h: driving the real window in the tests (needs a display)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waits on conditions, never on fixed timers: for the list to settle, for
 * a load to finish; and reads back what the window shows (the rows, the
 * reader's text, an error dialog).
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-article-reader-private.h"
#include "nhs-event-list-private.h"
#include "nhs-event-slots.h"
#include "nhs-window-private.h"
#include "test-ui-util.h"
#include "test-util.h"

#define WAIT_TIMEOUT_US (10 * G_USEC_PER_SEC)

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until cond holds; fails the test after a while */
static inline void
wait_until (Condition cond,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the window");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static inline gboolean
list_settled (gpointer data)
{
  return !nhs_event_list_is_busy (nhs_window_get_event_list (data));
}

static inline gboolean
load_finished (gpointer data)
{
  return !nhs_window_is_loading (data);
}

/* Lets pending idles and redraws run */
static inline void
settle (NhsWindow *window)
{
  test_drain_main_context (50);
  wait_until (list_settled, window);
}

static inline void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  test_settings_reset_all (settings);
  g_settings_sync ();
}

static inline NhsWindow *
new_window (void)
{
  NhsWindow *window = nhs_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Shown, but not given the focus: gtk_window_present () takes the X focus
 * from whatever window has it, which a test running beside this one (on the
 * same display) may need */
static inline NhsWindow *
new_window_in_background (void)
{
  NhsWindow *window = nhs_window_new (NULL);

  gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
  return window;
}

/* A window on a dataset of tests/data, from the default settings, shown
 * with the focus or in the background */
static inline NhsWindow *
new_window_on_data (const char *name,
                    gboolean    focus)
{
  g_autoptr(NhsDataset) dataset = test_load_fixture (name);
  NhsWindow *window;

  reset_settings ();
  window = focus ? new_window () : new_window_in_background ();
  nhs_window_set_dataset (window, dataset);
  settle (window);
  return window;
}

/* The event of the window's dataset with this id */
static inline NhsEvent *
lookup (NhsWindow  *window,
        const char *id)
{
  NhsEvent *event = nhs_dataset_lookup_event (nhs_window_get_dataset (window), id);

  g_assert_nonnull (event);
  return event;
}

static inline void
close_window (NhsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_drain_main_context (50);
}

/* The ids of the rows the list shows, in order, joined by spaces */
static inline char *
visible_ids (NhsWindow *window)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NhsEventSlot) slot = g_list_model_get_item (model, i);
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, nhs_event_get_id (nhs_event_slot_get_event (slot)));
    }
  return g_string_free (s, FALSE);
}

/* Selects the row the way a click does, through the list's own action */
static inline void
click_row (NhsWindow  *window,
           const char *id)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GtkWidget *list_view = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;
  g_assert_nonnull (list_view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NhsEventSlot) slot = g_list_model_get_item (model, i);
      if (g_str_equal (nhs_event_get_id (nhs_event_slot_get_event (slot)), id))
        {
          g_assert_true (gtk_widget_activate_action (list_view, "list.select-item", "(ubb)", i, FALSE, FALSE));
          settle (window);
          return;
        }
    }
  g_error ("row %s not shown", id);
}

static inline char *
buffer_slice (GtkTextBuffer *buffer,
              int            start,
              int            end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  return gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
}

/* The message dialog shown over parent: takes its texts (either may be
 * NULL) and closes it; FALSE when there is none */
static inline gboolean
find_message_dialog_over (GtkWindow  *parent,
                          char      **primary,
                          char      **secondary)
{
  /* owned by GTK */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent)
        {
          if (primary != NULL)
            g_object_get (toplevel, "text", primary, NULL);
          if (secondary != NULL)
            g_object_get (toplevel, "secondary-text", secondary, NULL);
          gtk_window_destroy (toplevel);
          return TRUE;
        }
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return FALSE;
}

static inline gboolean
find_message_dialog (NhsWindow   *window,
                     char       **secondary)
{
  return find_message_dialog_over (GTK_WINDOW (window), NULL, secondary);
}

static inline void
type_search (NhsWindow  *window,
             const char *text)
{
  gtk_editable_set_text (nhs_event_list_get_search_entry (nhs_window_get_event_list (window)), text);
}
