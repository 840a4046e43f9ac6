/* nhs-event-list-columns.c: the event list's columns: their cells,
 * their sorters, and the keyboard over the column titles and the rows
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells show NhsEventSlots, whose event changes under them when a
 * search changes the rows (nhs-event-slots.c): a cell follows its slot
 * rather than being bound again.
 */
#define G_LOG_DOMAIN "nhs-event-list"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-event-list-private.h"
#include "nhs-event-slots.h"
#include "nhs-focus.h"
#include "nhs-group-dots.h"
#include "nhs-text-cell.h"
#include "nhs-ui-text.h"

static NhsEvent *
list_item_get_event (GtkListItem *item)
{
  NhsEventSlot *slot = gtk_list_item_get_item (item);

  return slot != NULL ? nhs_event_slot_get_event (slot) : NULL;
}

/* Fills a row's cell from its event */
typedef void (*CellFillFunc) (GtkListItem *item, NhsEvent *event);

static GQuark
cell_fill_quark (void)
{
  return g_quark_from_static_string ("nhs-event-list-cell-fill");
}

/* The slot of a row now stands for another event: the cell shows it,
 * keeping its widgets */
static void
slot_event_notify_cb (NhsEventSlot *slot,
                      GParamSpec   *pspec,
                      GtkListItem  *item)
{
  CellFillFunc fill = g_object_get_qdata (G_OBJECT (item), cell_fill_quark ());
  NhsEvent *event = nhs_event_slot_get_event (slot);

  if (fill != NULL && event != NULL)
    fill (item, event);
}

static void
bind_cell (GtkListItem  *item,
           CellFillFunc  fill)
{
  NhsEventSlot *slot = gtk_list_item_get_item (item);

  g_object_set_qdata (G_OBJECT (item), cell_fill_quark (), fill);
  g_signal_connect_object (slot, "notify::event", G_CALLBACK (slot_event_notify_cb), item, 0);
  if (nhs_event_slot_get_event (slot) != NULL)
    fill (item, nhs_event_slot_get_event (slot));
}

/* GTK 4.8 names a column view's cells by their type name
 * ("GtkColumnViewCell"): each takes the text it shows */
static void
name_cell (GtkListItem *item,
           NhsTextCell *text)
{
  GtkWidget *cell = gtk_widget_get_parent (gtk_list_item_get_child (item));
  const char *shown = nhs_text_cell_get_text (text);

  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    shown && *shown ? shown : C_("empty cell", "blank"), -1);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  NhsEventSlot *slot = gtk_list_item_get_item (item);

  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, slot_event_notify_cb, item);
}


static GtkWidget *
new_text_cell (float    xalign,
               guint    min_chars,
               guint    nat_chars,
               gboolean numeric)
{
  GtkWidget *cell = nhs_text_cell_new (xalign, min_chars, nat_chars, numeric);

  gtk_widget_set_hexpand (cell, TRUE);
  return cell;
}

/* A box with a leading widget (dots or an icon) and a text cell */
static void
setup_decorated (GtkListItem *item,
                 GtkWidget   *lead,
                 guint        nat_chars)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), lead);
  gtk_box_append (GTK_BOX (box), new_text_cell (0, 2, nat_chars, FALSE));
  gtk_list_item_set_child (item, box);
  _nhs_event_list_remember_item (box, item);
}

static GtkWidget *
decorated_get_lead (GtkListItem *item)
{
  return gtk_widget_get_first_child (gtk_list_item_get_child (item));
}

static NhsTextCell *
decorated_get_text (GtkListItem *item)
{
  return NHS_TEXT_CELL (gtk_widget_get_last_child (gtk_list_item_get_child (item)));
}

static NhsTextCell *
item_get_text (GtkListItem *item)
{
  return NHS_TEXT_CELL (gtk_list_item_get_child (item));
}

static guint
event_kind_as_uint (NhsEvent *event)
{
  return event ? nhs_event_get_kind (event) : 0;
}

void
_nhs_event_list_setup_sorters (NhsEventList *self)
{
  struct {
    GtkColumnViewColumn *column;
    GtkSorter *sorter;
  } sorters[] = {
    /* the dataset orders events by start, then end, then id */
    { self->date_column,
      GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (NHS_TYPE_EVENT, NULL, "index"))) },
    { self->groups_column,
      GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (NHS_TYPE_EVENT, NULL, "groups-label"))) },
    { self->kind_column,
      GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL,
                                                                       G_CALLBACK (event_kind_as_uint),
                                                                       NULL, NULL))) },
    { self->title_column,
      GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (NHS_TYPE_EVENT, NULL, "title"))) },
    { self->days_column,
      GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (NHS_TYPE_EVENT, NULL, "strike-days"))) },
    { self->sources_column,
      GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (NHS_TYPE_EVENT, NULL, "n-evidence"))) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorters); i++)
    {
      gtk_column_view_column_set_sorter (sorters[i].column, sorters[i].sorter);
      g_object_unref (sorters[i].sorter);
    }
}

/* The column view's inner list view, and its row of column titles */
GtkWidget *
_nhs_event_list_get_list_view (NhsEventList *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static GtkWidget *
column_view_get_header (NhsEventList *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

  return first != NULL && !GTK_IS_LIST_VIEW (first) ? first : NULL;
}

/* The column a title widget of the header stands for: the titles are in
 * the order of the columns */
static GtkColumnViewColumn *
title_get_column (NhsEventList *self,
                  GtkWidget    *title)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (column_view_get_header (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (child == title)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
        return column;  /* the column view holds it */
      }
  return NULL;
}

/* GTK 4.8's column titles tell the sort only by their arrow's style
 * classes (gtk_column_view_sorter_get_primary_sort_column () is 4.10):
 * "ascending", "descending" or "unsorted"; FALSE when it is not sorted by
 * this title's column */
static gboolean
title_get_sort (GtkWidget   *title,
                GtkSortType *order)
{
  GtkWidget *box = gtk_widget_get_first_child (title);
  GtkWidget *arrow = box ? gtk_widget_get_last_child (box) : NULL;

  if (arrow == NULL)
    return FALSE;
  if (gtk_widget_has_css_class (arrow, "ascending"))
    *order = GTK_SORT_ASCENDING;
  else if (gtk_widget_has_css_class (arrow, "descending"))
    *order = GTK_SORT_DESCENDING;
  else
    return FALSE;
  return TRUE;
}

/* Leaves the column view (titles and rows) for the next or the previous
 * widget of the window */
static void
leave_column_view (NhsEventList     *self,
                   GtkDirectionType  direction)
{
  nhs_focus_leave (GTK_WIDGET (self->column_view), direction);
}

static gboolean title_key_pressed_cb (NhsEventList *self, guint keyval, guint keycode,
                                      GdkModifierType state, GtkEventControllerKey *controller);
static gboolean rows_key_pressed_cb (NhsEventList *self, guint keyval, guint keycode,
                                     GdkModifierType state, GtkEventControllerKey *controller);
static gboolean filter_bar_key_pressed_cb (NhsEventList *self, guint keyval, guint keycode,
                                           GdkModifierType state, GtkEventControllerKey *controller);

/* The column titles become buttons of the keyboard (Enter or Space sorts
 * by the column, again reverses it; Left and Right move between them) and
 * one Tab stop together with the rows: Tab from a title goes to the rows,
 * Tab from the rows leaves the list */
void
_nhs_event_list_setup_keyboard (NhsEventList *self)
{
  GtkWidget *header = column_view_get_header (self);
  GtkWidget *list_view = _nhs_event_list_get_list_view (self);
  GtkEventController *controller;

  g_return_if_fail (header != NULL && list_view != NULL);

  /* GTK 4.8 keeps the focus out of the titles altogether */
  gtk_widget_set_can_focus (header, TRUE);
  /* and names these by their type names */
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column titles"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events"), -1);
  nhs_a11y_name_drop_down (self->kind_dropdown, _("Kind of event"));
  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      GtkColumnViewColumn *column = title_get_column (self, title);
      /* Translators: what a column title does when pressed, for screen readers */
      g_autofree char *description = g_strdup (_("Press Enter to sort by this column"));

      gtk_widget_set_focusable (title, TRUE);
      if (column != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_column_view_column_get_title (column),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                        -1);
      controller = gtk_event_controller_key_new ();
      g_signal_connect_object (controller, "key-pressed", G_CALLBACK (title_key_pressed_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (title, controller);
    }

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (rows_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (list_view, controller);

  /* GtkColumnView takes the focus in from outside straight to its rows;
   * in reading order the titles come first */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (filter_bar_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->filter_bar, controller);
}

/* gtk_column_view_sort_by_column (), and the arrows right after: it
 * drops the sort by the column before without telling that column's title
 * (GtkColumnViewSorter's set_column in GTK 4.8), whose arrow
 * then stays. Setting a column's sorter again redraws its title from the
 * sort as it is; for the columns the rows are no longer sorted by, that
 * changes nothing else. */
void
_nhs_event_list_sort_by_column (NhsEventList        *self,
                                GtkColumnViewColumn *column,
                                GtkSortType          order)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  gtk_column_view_sort_by_column (self->column_view, column, order);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);
      g_autoptr(GtkSorter) sorter = NULL;

      if (other == column || gtk_column_view_column_get_sorter (other) == NULL)
        continue;
      sorter = g_object_ref (gtk_column_view_column_get_sorter (other));
      gtk_column_view_column_set_sorter (other, NULL);
      gtk_column_view_column_set_sorter (other, sorter);
    }
}

static void
sort_by_title (NhsEventList *self,
               GtkWidget    *title)
{
  GtkColumnViewColumn *column = title_get_column (self, title);
  GtkSortType order;

  if (column == NULL || gtk_column_view_column_get_sorter (column) == NULL)
    return;
  /* as a click does: a new column ascending, the sorted one reversed */
  if (title_get_sort (title, &order) && order == GTK_SORT_ASCENDING)
    _nhs_event_list_sort_by_column (self, column, GTK_SORT_DESCENDING);
  else
    _nhs_event_list_sort_by_column (self, column, GTK_SORT_ASCENDING);
}

static gboolean
title_key_pressed_cb (NhsEventList          *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkWidget *title = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean backward;

  if (nhs_focus_is_tab (keyval, state, &backward))
    {
      if (backward)
        leave_column_view (self, GTK_DIR_TAB_BACKWARD);
      else
        gtk_widget_grab_focus (_nhs_event_list_get_list_view (self));
      return TRUE;
    }
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* the titles of hidden columns (a narrow window's) are passed by */
      for (GtkWidget *w = gtk_widget_get_prev_sibling (title); w != NULL; w = gtk_widget_get_prev_sibling (w))
        if (gtk_widget_get_visible (w) && gtk_widget_grab_focus (w))
          break;
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      for (GtkWidget *w = gtk_widget_get_next_sibling (title); w != NULL; w = gtk_widget_get_next_sibling (w))
        if (gtk_widget_get_visible (w) && gtk_widget_grab_focus (w))
          break;
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      gtk_widget_grab_focus (_nhs_event_list_get_list_view (self));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      sort_by_title (self, title);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
rows_key_pressed_cb (NhsEventList          *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkWidget *header = column_view_get_header (self);
  gboolean backward;

  /* the context menu's keys, as everywhere in GNOME */
  if (keyval == GDK_KEY_Menu ||
      (keyval == GDK_KEY_F10 && (state & gtk_accelerator_get_default_mod_mask ()) == GDK_SHIFT_MASK))
    return _nhs_event_list_popup_menu_at_focus (self);
  if (!nhs_focus_is_tab (keyval, state, &backward))
    return FALSE;
  if (!backward)
    leave_column_view (self, GTK_DIR_TAB_FORWARD);
  else if (header != NULL && gtk_widget_get_first_child (header) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_first_child (header));
  else
    leave_column_view (self, GTK_DIR_TAB_BACKWARD);
  return TRUE;
}

/* Tab past the last control above the list: to the column titles */
static gboolean
filter_bar_key_pressed_cb (NhsEventList          *self,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkEventControllerKey *controller)
{
  GtkWidget *header = column_view_get_header (self);
  gboolean backward;

  if (!nhs_focus_is_tab (keyval, state, &backward) || backward)
    return FALSE;
  if (gtk_widget_child_focus (self->filter_bar, GTK_DIR_TAB_FORWARD))
    return TRUE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->column_view)) && gtk_widget_get_mapped (GTK_WIDGET (self->column_view)) &&
      header != NULL && gtk_widget_get_first_child (header) != NULL)
    return gtk_widget_grab_focus (gtk_widget_get_first_child (header));
  return FALSE;
}

static void
set_text_child (GtkListItem *item,
                float        xalign,
                guint        min_chars,
                guint        nat_chars,
                gboolean     numeric)
{
  GtkWidget *cell = new_text_cell (xalign, min_chars, nat_chars, numeric);

  gtk_list_item_set_child (item, cell);
  _nhs_event_list_remember_item (cell, item);
}

static void
date_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  set_text_child (item, 0, 10, _nhs_event_list_widest_day_chars (), TRUE);
}

/* The title and its status, "Five-day walkout (called off)"; NULL when the
 * title says it all */
static char *
dup_title_with_status (NhsEvent *event)
{
  NhsEventStatus status = nhs_event_get_status (event);

  if (status == NHS_EVENT_STATUS_HAPPENED)
    return NULL;
  /* Translators: an event's title and its status, "Five-day walkout (called off)" */
  return g_strdup_printf (_("%s (%s)"), nhs_event_get_title (event), nhs_event_status_to_label (status));
}

/* The title's tooltip is made when asked for: setting one on every bind
 * makes GTK 4.8 ask the display where the pointer is, a round trip for each
 * row every time a search changes the list */
static gboolean
title_query_tooltip_cb (GtkWidget   *cell,
                        int          x,
                        int          y,
                        gboolean     keyboard,
                        GtkTooltip  *tooltip,
                        GtkListItem *item)
{
  NhsEvent *event = list_item_get_event (item);
  g_autofree char *text = NULL;
  const char *summary;

  if (event == NULL)
    return FALSE;
  text = dup_title_with_status (event);
  summary = nhs_event_get_summary (event);
  if (summary && *summary)
    {
      g_autofree char *with_summary = g_strconcat (text ? text : nhs_event_get_title (event), "\n", summary, NULL);
      /* plain text: titles and summaries are never markup */
      gtk_tooltip_set_text (tooltip, with_summary);
    }
  else
    gtk_tooltip_set_text (tooltip, text ? text : nhs_event_get_title (event));
  return TRUE;
}

static void
title_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *cell;

  set_text_child (item, 0, 18, 40, FALSE);
  cell = gtk_list_item_get_child (item);
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect_object (cell, "query-tooltip", G_CALLBACK (title_query_tooltip_cb), item, 0);
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  set_text_child (item, 1, 2, 3, TRUE);
}

static void
groups_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  setup_decorated (item, nhs_group_dots_new (), 9);
}

static void
kind_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *image = gtk_image_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  setup_decorated (item, image, 12);
}

static void
date_fill (GtkListItem *item,
           NhsEvent    *event)
{
  g_autofree char *day = nhs_format_day (nhs_event_get_start (event));

  nhs_text_cell_set_text (item_get_text (item), day);
  name_cell (item, item_get_text (item));
}

static void
groups_fill (GtkListItem *item,
             NhsEvent    *event)
{
  g_autofree char *groups = nhs_event_dup_groups_label (event);

  nhs_group_dots_set_event (NHS_GROUP_DOTS (decorated_get_lead (item)), event);
  nhs_text_cell_set_text (decorated_get_text (item), groups);
  name_cell (item, decorated_get_text (item));
}

static void
kind_fill (GtkListItem *item,
           NhsEvent    *event)
{
  NhsEventKind kind = nhs_event_get_kind (event);
  GtkImage *image = GTK_IMAGE (decorated_get_lead (item));
  const char *icon_name = nhs_event_kind_to_icon_name (kind);

  if (g_strcmp0 (gtk_image_get_icon_name (image), icon_name) != 0)
    gtk_image_set_from_icon_name (image, icon_name);
  nhs_text_cell_set_text (decorated_get_text (item), nhs_event_kind_to_label (kind));
  name_cell (item, decorated_get_text (item));
}

/* The row's name for screen readers: the whole row in one line ("3 Jan
 * 2024, Residents, Strike: Junior doctors' six-day strike, 6 strike days,
 * 3 sources"), which GTK 4.8 would otherwise call by its type name */
static void
name_row (GtkListItem *item,
          NhsEvent    *event)
{
  GtkWidget *cell = gtk_widget_get_parent (gtk_list_item_get_child (item));
  GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;
  g_autofree char *day = nhs_format_day (nhs_event_get_start (event));
  g_autofree char *groups = nhs_event_dup_groups_label (event);
  g_autofree char *title = dup_title_with_status (event);
  guint n_sources = nhs_event_get_evidence (event)->len;
  g_autofree char *sources = g_strdup_printf (ngettext ("%u source", "%u sources", n_sources), n_sources);
  g_autofree char *days = NULL;
  g_autofree char *name = NULL;

  if (row == NULL)
    return;
  if (nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE)
    days = g_strdup_printf (ngettext ("%u strike day", "%u strike days", nhs_event_get_strike_days (event)),
                            nhs_event_get_strike_days (event));
  /* Translators: a row of the event list for screen readers: day, groups,
   * kind, title, then "6 strike days, " (or nothing) and "3 sources" */
  name = g_strdup_printf (_("%s, %s, %s: %s, %s%s%s"), day, groups ? groups : "",
                          nhs_event_kind_to_label (nhs_event_get_kind (event)),
                          title ? title : nhs_event_get_title (event),
                          days ? days : "", days ? ", " : "", sources);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
title_fill (GtkListItem *item,
            NhsEvent    *event)
{
  g_autofree char *text = dup_title_with_status (event);

  nhs_text_cell_set_text (item_get_text (item),
                          text ? text : nhs_event_get_title (event));
  name_cell (item, item_get_text (item));
  name_row (item, event);
}

static void
days_fill (GtkListItem *item,
           NhsEvent    *event)
{
  g_autofree char *days = NULL;

  if (nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE)
    days = g_strdup_printf ("%u", nhs_event_get_strike_days (event));
  nhs_text_cell_set_text (item_get_text (item), days);
  name_cell (item, item_get_text (item));
}

static void
sources_fill (GtkListItem *item,
              NhsEvent    *event)
{
  g_autofree char *count = g_strdup_printf ("%u", nhs_event_get_evidence (event)->len);

  nhs_text_cell_set_text (item_get_text (item), count);
  name_cell (item, item_get_text (item));
}

/* The factories' "bind": each cell follows its row's slot */
#define DEFINE_BIND(column) \
  static void \
  column##_bind_cb (GtkSignalListItemFactory *factory, \
                    GtkListItem              *item, \
                    gpointer                  user_data) \
  { \
    bind_cell (item, column##_fill); \
  }

DEFINE_BIND (date)
DEFINE_BIND (groups)
DEFINE_BIND (kind)
DEFINE_BIND (title)
DEFINE_BIND (days)
DEFINE_BIND (sources)

void
_nhs_event_list_columns_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, date_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, groups_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, groups_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, sources_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
}

/* Public API (the sort) */

/* The columns by the names the settings keep them under */
static GtkColumnViewColumn *
column_by_name (NhsEventList *self,
                const char   *name)
{
  struct {
    const char *name;
    GtkColumnViewColumn *column;
  } columns[] = {
    { "date", self->date_column },
    { "groups", self->groups_column },
    { "kind", self->kind_column },
    { "title", self->title_column },
    { "days", self->days_column },
    { "sources", self->sources_column },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_strcmp0 (name, columns[i].name) == 0)
      return columns[i].column;
  return NULL;
}

const char *
nhs_event_list_get_sort (NhsEventList *self,
                         gboolean     *descending)
{
  GtkWidget *header;

  g_return_val_if_fail (NHS_IS_EVENT_LIST (self), NULL);

  if (descending != NULL)
    *descending = FALSE;
  header = column_view_get_header (self);
  for (GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;
       title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      GtkColumnViewColumn *column = title_get_column (self, title);
      const char *names[] = { "date", "groups", "kind", "title", "days", "sources" };
      GtkSortType order;

      if (column == NULL || !title_get_sort (title, &order))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (column_by_name (self, names[i]) == column)
          {
            if (descending != NULL)
              *descending = order == GTK_SORT_DESCENDING;
            return names[i];
          }
    }
  /* unsorted, the rows are in the dataset's order: by date */
  return "date";
}

gboolean
nhs_event_list_set_sort (NhsEventList *self,
                         const char   *column,
                         gboolean      descending)
{
  GtkColumnViewColumn *wanted;
  gboolean now_descending;

  g_return_val_if_fail (NHS_IS_EVENT_LIST (self), FALSE);

  wanted = column_by_name (self, column);
  if (wanted == NULL)
    return FALSE;
  /* sorting again by the same column costs a sort of every row */
  if (g_strcmp0 (nhs_event_list_get_sort (self, &now_descending), column) == 0 && now_descending == descending)
    return TRUE;
  _nhs_event_list_sort_by_column (self, wanted,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  return TRUE;
}
