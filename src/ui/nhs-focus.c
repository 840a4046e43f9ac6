/* nhs-focus.c: keyboard focus helpers for GTK 4.8's list views
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list views take Tab to move from row to row: a list of 70
 * events is 70 Tab stops. These make it one, as GTK 4.12's
 * GTK_LIST_TAB_ITEM does.
 */
#define G_LOG_DOMAIN "nhs-focus"

#include "config.h"

#include "nhs-focus.h"

void
nhs_focus_leave (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  GtkWidget *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (root == NULL)
    return;
  /* the focus moves on from where it is, and skips a widget that cannot
   * take it, with all it holds */
  gtk_widget_set_can_focus (widget, FALSE);
  if (!gtk_widget_child_focus (root, direction))
    {
      /* past the end: round to the start, as GtkWindow does */
      gtk_root_set_focus (GTK_ROOT (root), NULL);
      gtk_widget_child_focus (root, direction);
    }
  gtk_widget_set_can_focus (widget, TRUE);
}

gboolean
nhs_focus_is_tab (guint            keyval,
                  GdkModifierType  state,
                  gboolean        *backward)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  *backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;
  return TRUE;
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  gboolean backward;

  if (!nhs_focus_is_tab (keyval, state, &backward))
    return FALSE;
  nhs_focus_leave (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)),
                   backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  return TRUE;
}

void
nhs_focus_list_one_tab_stop (GtkWidget *list_view)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (list_view));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
  gtk_widget_add_controller (list_view, controller);
}

void
nhs_a11y_name_drop_down (GtkDropDown *drop_down,
                         const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
label_changed_cb (GtkLabel *label)
{
  const char *text = gtk_label_get_label (label);

  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
nhs_a11y_hide_when_empty (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  g_signal_connect (label, "notify::label", G_CALLBACK (label_changed_cb), NULL);
  label_changed_cb (label);
}
