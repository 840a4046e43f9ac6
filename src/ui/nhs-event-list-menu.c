/* nhs-event-list-menu.c: the events' context menu
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A right click on a row, Shift+F10 or the Menu key: Copy Citation (what
 * Ctrl+C copies), Copy Link (the first web address among the event's
 * evidence, shown only when there is one), Show in Chart, Edit in
 * Inspector and Delete Event. The last three are the window's actions
 * (win.show-in-chart, win.edit-event, win.delete-event), found up the
 * widget tree; a list outside the window shows them disabled. Like a
 * click, the right click first selects the row it is on, so that the
 * menu always acts on the selected event.
 */
#define G_LOG_DOMAIN "nhs-event-list"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-event-list-private.h"
#include "nhs-link.h"

#define LIST_ITEM_KEY "nhs-event-list-item"

/* The first web address among the event's evidence: an article's or a
 * source's; NULL for none */
static const char *
event_get_link (NhsEvent *event)
{
  GPtrArray *evidence = event ? nhs_event_get_evidence (event) : NULL;

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      NhsEvidence *item = g_ptr_array_index (evidence, i);
      NhsArticle *article = nhs_evidence_get_article (item);
      NhsSource *source = nhs_evidence_get_source (item);
      const char *url = article ? nhs_article_get_url (article) : source ? nhs_source_get_url (source) : NULL;

      if (nhs_link_is_web_page (url))
        return url;
    }
  return NULL;
}

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenu) show = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenuItem) link = g_menu_item_new (_("Copy _Link"), "list.copy-link");

  g_menu_append (copy, _("_Copy Citation"), "list.copy-citation");
  /* offered only where there is an address to copy */
  g_menu_item_set_attribute (link, "hidden-when", "s", "action-disabled");
  g_menu_append_item (copy, link);
  g_menu_append (show, _("Show in C_hart"), "win.show-in-chart");
  g_menu_append (show, _("_Edit in Inspector"), "win.edit-event");
  g_menu_append (edit, _("_Delete Event"), "win.delete-event");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (show));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  return G_MENU_MODEL (menu);
}

/* Shows the menu pointing at x, y (the list's coordinates) */
static void
popup_at (NhsEventList *self,
          double        x,
          double        y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  _nhs_event_list_menu_update (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* The row a widget of the rows is in, as a position, or
 * GTK_INVALID_LIST_POSITION */
static guint
widget_get_position (GtkWidget *widget,
                     GtkWidget *list_view)
{
  for (GtkWidget *w = widget; w != NULL && w != list_view; w = gtk_widget_get_parent (w))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (w), LIST_ITEM_KEY);

      if (item != NULL)
        return gtk_list_item_get_position (item);
      /* a row: its first cell's child knows */
      if (gtk_widget_get_parent (w) == list_view)
        {
          GtkWidget *cell = gtk_widget_get_first_child (w);
          GtkWidget *child = cell ? gtk_widget_get_first_child (cell) : NULL;

          item = child ? g_object_get_data (G_OBJECT (child), LIST_ITEM_KEY) : NULL;
          return item ? gtk_list_item_get_position (item) : GTK_INVALID_LIST_POSITION;
        }
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Callbacks */

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      NhsEventList    *self)
{
  GtkWidget *list_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (list_view, x, y, GTK_PICK_DEFAULT);
  guint position = widget_get_position (picked, list_view);
  graphene_point_t at;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* as a click selects it, with the focus on it */
  gtk_widget_activate_action (list_view, "list.select-item", "(ubb)", position, FALSE, FALSE);
  if (!gtk_widget_compute_point (list_view, GTK_WIDGET (self), &GRAPHENE_POINT_INIT ((float) x, (float) y), &at))
    at = GRAPHENE_POINT_INIT (0, 0);
  popup_at (self, at.x, at.y);
}

/* Actions */

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NhsEventList *self = NHS_EVENT_LIST (widget);
  const char *url = event_get_link (self->selected_event);

  if (url != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
}

/* Private API */

void
_nhs_event_list_remember_item (GtkWidget   *child,
                               GtkListItem *item)
{
  g_object_set_data (G_OBJECT (child), LIST_ITEM_KEY, item);
}

void
_nhs_event_list_menu_update (NhsEventList *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.copy-citation", self->selected_event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.copy-link", event_get_link (self->selected_event) != NULL);
}

gboolean
_nhs_event_list_popup_menu_at_focus (NhsEventList *self)
{
  GtkWidget *list_view = _nhs_event_list_get_list_view (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  graphene_rect_t bounds;

  if (self->selected_event == NULL)
    return FALSE;
  /* under the row that has the focus, at its start */
  if (focus != NULL && list_view != NULL && gtk_widget_is_ancestor (focus, list_view) &&
      gtk_widget_compute_bounds (focus, GTK_WIDGET (self), &bounds))
    popup_at (self, bounds.origin.x + 12, bounds.origin.y + bounds.size.height);
  else
    popup_at (self, 12, 12);
  return TRUE;
}

void
_nhs_event_list_menu_init (NhsEventList *self)
{
  g_autoptr(GMenuModel) model = build_menu ();
  GtkWidget *list_view = _nhs_event_list_get_list_view (self);
  GtkGesture *gesture;

  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (model));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));

  g_return_if_fail (list_view != NULL);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self, 0);
  gtk_widget_add_controller (list_view, GTK_EVENT_CONTROLLER (gesture));
  _nhs_event_list_menu_update (self);
}

void
_nhs_event_list_menu_dispose (NhsEventList *self)
{
  if (self->context_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->context_menu));
  self->context_menu = NULL;
}

void
_nhs_event_list_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "list.copy-link", NULL, copy_link_action);
}

GtkPopoverMenu *
nhs_event_list_get_context_menu (NhsEventList *self)
{
  return self->context_menu;
}
