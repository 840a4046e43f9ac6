/* nhs-find-bar.c: find in a text view, with a count of the matches
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkSearchBar over the text: every match carries the "find-match" tag,
 * the current one "find-current" too; the count says which it is. Enter
 * and the buttons go to the next, Shift+Enter to the previous; closing
 * the bar takes the marks away and gives the focus back to the text.
 */
#define G_LOG_DOMAIN "nhs-find-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-find-bar.h"

struct _NhsFindBar
{
  GtkWidget parent_instance;

  GtkSearchBar *search_bar;
  GtkSearchEntry *entry;
  GtkLabel *count_label;

  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextTag *match_tag;
  GtkTextTag *current_tag;
  GtkTextMark *mark;
  GArray *matches;          /* int pairs: buffer offsets, end exclusive */
  int current;              /* -1: none */
};

G_DEFINE_FINAL_TYPE (NhsFindBar, nhs_find_bar, GTK_TYPE_WIDGET)

static void
remove_marks (NhsFindBar *self,
              GtkTextTag *tag)
{
  GtkTextIter s, e;

  if (self->buffer == NULL)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &s, &e);
  gtk_text_buffer_remove_tag (self->buffer, tag, &s, &e);
}

static void
set_current (NhsFindBar *self,
             int         index,
             gboolean    jump)
{
  g_autofree char *label = NULL;
  guint n = self->matches->len / 2;

  remove_marks (self, self->current_tag);
  self->current = index;
  if (index >= 0)
    {
      int start = g_array_index (self->matches, int, 2 * index);
      int end = g_array_index (self->matches, int, 2 * index + 1);
      GtkTextIter s, e;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &e, end);
      gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &s, &e);
      if (jump)
        {
          gtk_text_buffer_place_cursor (self->buffer, &s);
          gtk_text_buffer_move_mark (self->buffer, self->mark, &s);
          gtk_text_view_scroll_to_mark (self->view, self->mark, 0.1, FALSE, 0, 0);
        }
      /* Translators: find in the article, "2 of 7" */
      label = g_strdup_printf (_("%d of %u"), index + 1, n);
    }
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0')
    label = g_strdup (_("No matches"));

  gtk_label_set_label (self->count_label, label ? label : "");
  if (label != NULL && n == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.next", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.previous", n > 0);
}

/* Marks every match; the current one is the first at or after the cursor */
static void
find (NhsFindBar *self,
      gboolean    jump)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GtkTextIter iter, match_start, match_end, cursor;
  int first = -1;

  remove_marks (self, self->match_tag);
  g_array_set_size (self->matches, 0);

  if (self->buffer != NULL && *text != '\0' && gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
      gtk_text_buffer_get_start_iter (self->buffer, &iter);
      while (gtk_text_iter_forward_search (&iter, text,
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          int start = gtk_text_iter_get_offset (&match_start);
          int end = gtk_text_iter_get_offset (&match_end);

          if (first < 0 && gtk_text_iter_compare (&match_start, &cursor) >= 0)
            first = self->matches->len / 2;
          g_array_append_val (self->matches, start);
          g_array_append_val (self->matches, end);
          gtk_text_buffer_apply_tag (self->buffer, self->match_tag, &match_start, &match_end);
          iter = match_end;
        }
      if (first < 0 && self->matches->len > 0)
        first = 0;
    }
  set_current (self, first, jump);
}

/* Shift+Enter in the entry: the previous match */
static gboolean
key_pressed_cb (NhsFindBar            *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != GDK_SHIFT_MASK)
    return FALSE;
  nhs_find_bar_step (self, -1);
  return TRUE;
}

static void
search_changed_cb (NhsFindBar *self)
{
  find (self, TRUE);
}

static void
next_cb (NhsFindBar *self)
{
  nhs_find_bar_step (self, 1);
}

static void
previous_cb (NhsFindBar *self)
{
  nhs_find_bar_step (self, -1);
}

static void
search_mode_cb (NhsFindBar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      find (self, FALSE);
      return;
    }
  remove_marks (self, self->match_tag);
  remove_marks (self, self->current_tag);
  g_array_set_size (self->matches, 0);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nhs_find_bar_step (NHS_FIND_BAR (widget), g_str_equal (action_name, "find.next") ? 1 : -1);
}

/* GtkSearchBar's close button is an icon with no name, which screen
 * readers call "GtkImage" */
static void
name_close_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "close"))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close the find bar"),
                                          -1);
          gtk_widget_set_tooltip_text (child, _("Close (Escape)"));
        }
      name_close_button (child);
    }
}

static void
nhs_find_bar_dispose (GObject *object)
{
  NhsFindBar *self = NHS_FIND_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_FIND_BAR);
  g_clear_object (&self->view);
  g_clear_object (&self->buffer);
  G_OBJECT_CLASS (nhs_find_bar_parent_class)->dispose (object);
}

static void
nhs_find_bar_finalize (GObject *object)
{
  NhsFindBar *self = NHS_FIND_BAR (object);

  g_clear_pointer (&self->matches, g_array_unref);
  G_OBJECT_CLASS (nhs_find_bar_parent_class)->finalize (object);
}

static void
nhs_find_bar_class_init (NhsFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_find_bar_dispose;
  object_class->finalize = nhs_find_bar_finalize;

  gtk_widget_class_install_action (widget_class, "find.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, step_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, NhsFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, NhsFindBar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
nhs_find_bar_init (NhsFindBar *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_array_new (FALSE, FALSE, sizeof (int));
  self->current = -1;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  name_close_button (GTK_WIDGET (self->search_bar));
  set_current (self, -1, FALSE);
}

GtkWidget *
nhs_find_bar_new (void)
{
  return g_object_new (NHS_TYPE_FIND_BAR, NULL);
}

void
nhs_find_bar_set_view (NhsFindBar  *self,
                       GtkTextView *view)
{
  GtkTextIter start;

  g_return_if_fail (NHS_IS_FIND_BAR (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (self->view == NULL);

  self->view = g_object_ref (view);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->match_tag = gtk_text_buffer_create_tag (self->buffer, "find-match", NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "find-current", NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->mark = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (view));
}

void
nhs_find_bar_set_match_colors (NhsFindBar    *self,
                               const GdkRGBA *match,
                               const GdkRGBA *current)
{
  g_return_if_fail (NHS_IS_FIND_BAR (self));
  g_return_if_fail (self->buffer != NULL);

  g_object_set (self->match_tag, "background-rgba", match, NULL);
  g_object_set (self->current_tag, "background-rgba", current, NULL);
}

void
nhs_find_bar_open (NhsFindBar *self)
{
  g_return_if_fail (NHS_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

gboolean
nhs_find_bar_is_open (NhsFindBar *self)
{
  g_return_val_if_fail (NHS_IS_FIND_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
nhs_find_bar_step (NhsFindBar *self,
                   int         step)
{
  int n;

  g_return_if_fail (NHS_IS_FIND_BAR (self));

  n = self->matches->len / 2;
  if (n == 0)
    return;
  set_current (self, ((self->current < 0 ? 0 : self->current + step) % n + n) % n, TRUE);
}

void
nhs_find_bar_update (NhsFindBar *self)
{
  g_return_if_fail (NHS_IS_FIND_BAR (self));

  if (gtk_search_bar_get_search_mode (self->search_bar))
    find (self, FALSE);
}

GtkEditable *
nhs_find_bar_get_entry (NhsFindBar *self)
{
  g_return_val_if_fail (NHS_IS_FIND_BAR (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkLabel *
nhs_find_bar_get_count_label (NhsFindBar *self)
{
  g_return_val_if_fail (NHS_IS_FIND_BAR (self), NULL);

  return self->count_label;
}
