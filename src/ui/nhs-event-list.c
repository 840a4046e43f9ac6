/* nhs-event-list.c: the filterable, sortable list of events
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from the dataset's events through a GtkSortListModel (the
 * column view's sorter), an NhsMatchList (the events the shared
 * NhsEventFilter matches, tested in a thread in a large dataset) and a
 * GtkSingleSelection, which keeps track of the selected event. The column
 * view shows them through NhsEventSlots,
 * so that its rows keep their widgets when a search changes the events
 * (see nhs-event-slots.c), with a selection of its own that mirrors the
 * events' selection position for position. The controls above
 * the list edit the NhsEventFilter and follow it, so a change from
 * elsewhere (restored settings, Clear Filters) shows in them too.
 *
 * The columns (their cells, sorters and keyboard) are in
 * nhs-event-list-columns.c; the struct the two share is in
 * nhs-event-list-private.h.
 */
#define G_LOG_DOMAIN "nhs-event-list"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nhs-event-list.h"
#include "nhs-event-list-private.h"
#include "nhs-event-slots.h"
#include "nhs-filter-settings.h"
#include "nhs-focus.h"
#include "nhs-group-dots.h"
#include "nhs-match-list.h"
#include "nhs-text-cell.h"
#include "nhs-time-zone.h"
#include "nhs-ui-text.h"

G_DEFINE_FINAL_TYPE (NhsEventList, nhs_event_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILTER,
  PROP_SELECTED_EVENT,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  SORT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static GTimeZone *
dataset_timezone (NhsEventList *self)
{
  return self->dataset ? nhs_dataset_get_timezone (self->dataset) : NULL;
}

/* The characters of the longest day nhs_format_day () writes: "28 Sep 2000"
 * in English, "28 sept. 2000" in French */
guint
_nhs_event_list_widest_day_chars (void)
{
  guint widest = 0;

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (2000, month, 28, 0, 0, 0);
      g_autofree char *text = nhs_format_day (day);

      widest = MAX (widest, (guint) g_utf8_strlen (text, -1));
    }
  return widest;
}

static void
update_status (NhsEventList *self)
{
  guint total = self->dataset ? nhs_dataset_get_n_events (self->dataset) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean settled = nhs_match_list_get_pending (self->matches) == 0;
  g_autofree char *status = NULL;

  if (self->dataset == NULL)
    status = g_strdup ("");
  else if (shown == total)
    status = g_strdup_printf (ngettext ("%u event", "%u events", total), total);
  else
    /* Translators: "12 of 87 events" */
    status = g_strdup_printf (ngettext ("%u of %u event", "%u of %u events", total), shown, total);
  gtk_label_set_label (self->status_label, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);

  if (self->dataset != NULL && total == 0)
    {
      gtk_label_set_label (self->empty_title, _("No Events"));
      gtk_label_set_label (self->empty_description, _("This dataset has no events."));
      gtk_widget_set_visible (self->clear_filters_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (self->dataset != NULL && shown == 0 && settled)
    {
      gtk_label_set_label (self->empty_title, _("No Matching Events"));
      gtk_label_set_label (self->empty_description, _("No event matches the search and the filters."));
      gtk_widget_set_visible (self->clear_filters_button, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
set_selected_event (NhsEventList *self,
                    NhsEvent     *event)
{
  if (!g_set_object (&self->selected_event, event))
    return;
  _nhs_event_list_menu_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/* GtkColumnView in GTK 4.8 has no scroll_to(): its inner GtkListView has
 * the list.scroll-to-item action. */
static void
scroll_to_position (NhsEventList *self,
                    guint         position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

static void
update_date_controls (NhsEventList *self)
{
  GDateTime *from = self->filter ? nhs_event_filter_get_from (self->filter) : NULL;
  GDateTime *to = self->filter ? nhs_event_filter_get_to (self->filter) : NULL;
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;

  if (from != NULL)
    {
      g_autofree char *day = nhs_format_day (from);
      /* Translators: the first day shown, "From 3 Jan 2024" */
      from_label = g_strdup_printf (_("From %s"), day);
    }
  if (to != NULL)
    {
      g_autofree char *day = nhs_format_day (to);
      /* Translators: the last day shown, "To 9 Jan 2024" */
      to_label = g_strdup_printf (_("To %s"), day);
    }
  gtk_menu_button_set_label (self->from_button, from_label ? from_label : _("From"));
  gtk_menu_button_set_label (self->to_button, to_label ? to_label : _("To"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, from_label ? from_label : _("From any day"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, to_label ? to_label : _("To any day"),
                                  -1);
  gtk_widget_set_sensitive (self->clear_dates_button, from != NULL || to != NULL);
}

static void
sync_group_toggles (NhsEventList *self)
{
  GHashTableIter iter;
  gpointer id, toggle;

  self->syncing = TRUE;
  g_hash_table_iter_init (&iter, self->group_toggles);
  while (g_hash_table_iter_next (&iter, &id, &toggle))
    gtk_toggle_button_set_active (toggle, self->filter == NULL ||
                                          nhs_event_filter_get_group_enabled (self->filter, id));
  self->syncing = FALSE;
}

static void
sync_search (NhsEventList *self)
{
  const char *search = self->filter ? nhs_event_filter_get_search (self->filter) : "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search) == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
  self->syncing = FALSE;
}

static void
sync_kinds (NhsEventList *self)
{
  guint mask = self->filter ? nhs_event_filter_get_kinds (self->filter) : 0;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, nhs_kind_choice_from_mask (mask));
  self->syncing = FALSE;
}

static void
sync_controls (NhsEventList *self)
{
  sync_search (self);
  sync_kinds (self);
  sync_group_toggles (self);
  update_date_controls (self);
}

/* The toggles take their group's colour from a style class per colour,
 * "group-1c71d8", defined once per display (colours are validated
 * "#rrggbb", so the CSS is safe to build from them). */
static void
add_group_color_class (GtkWidget *toggle,
                       NhsGroup  *group)
{
  GdkDisplay *display = gtk_widget_get_display (toggle);
  const char *color = nhs_group_get_color (group);
  GtkCssProvider *provider;
  GHashTable *colors;
  g_autofree char *class_name = NULL;
  g_autoptr(GString) css = NULL;
  GHashTableIter iter;
  gpointer key;
  GdkRGBA rgba;

  if (!nhs_group_get_rgba (group, &rgba))
    return;

  class_name = g_strdup_printf ("group-%s", color + 1);
  gtk_widget_add_css_class (toggle, class_name);

  colors = g_object_get_data (G_OBJECT (display), "nhs-group-colors");
  if (colors == NULL)
    {
      colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (display), "nhs-group-colors", colors,
                              (GDestroyNotify) g_hash_table_unref);
    }
  if (!g_hash_table_add (colors, g_ascii_strdown (color + 1, -1)))
    return;

  provider = g_object_get_data (G_OBJECT (display), "nhs-group-css");
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      g_object_set_data_full (G_OBJECT (display), "nhs-group-css", provider, g_object_unref);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  css = g_string_new (NULL);
  g_hash_table_iter_init (&iter, colors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (css,
                            "button.group-toggle.group-%1$s:checked {"
                            " background-color: alpha(#%1$s, 0.30);"
                            " box-shadow: inset 0 0 0 2px alpha(#%1$s, 0.9); }\n"
                            "button.group-toggle.group-%1$s:checked:hover {"
                            " background-color: alpha(#%1$s, 0.40); }\n",
                            (const char *) key);
  gtk_css_provider_load_from_data (provider, css->str, -1);
}

static void group_toggled_cb (NhsEventList *self, GtkToggleButton *toggle);

static void
rebuild_group_toggles (NhsEventList *self)
{
  GtkWidget *child;
  GListModel *groups;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->group_box))) != NULL)
    gtk_box_remove (self->group_box, child);
  g_hash_table_remove_all (self->group_toggles);

  if (self->dataset == NULL)
    return;

  groups = nhs_dataset_get_groups (self->dataset);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, i);
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dots = nhs_group_dots_new ();
      GtkWidget *label = gtk_label_new (nhs_group_get_short_name (group));
      g_autofree char *tooltip = g_strdup_printf (_("Show events of %s"), nhs_group_get_name (group));

      nhs_group_dots_set_group (NHS_GROUP_DOTS (dots), group);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (content), dots);
      gtk_box_append (GTK_BOX (content), label);
      gtk_button_set_child (GTK_BUTTON (toggle), content);
      gtk_widget_add_css_class (toggle, "group-toggle");
      add_group_color_class (toggle, group);
      gtk_widget_set_tooltip_text (toggle, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, nhs_group_get_name (group),
                                      -1);
      g_object_set_data_full (G_OBJECT (toggle), "nhs-group-id", g_strdup (nhs_group_get_id (group)), g_free);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (group_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->group_box, toggle);
      g_hash_table_insert (self->group_toggles, g_strdup (nhs_group_get_id (group)), toggle);
    }
  sync_group_toggles (self);
}

/* Callbacks */

/* the match list follows the filter's changes itself */
static void
filter_changed_cb (NhsEventList *self)
{
  sync_group_toggles (self);
}

static void
filter_search_notify_cb (NhsEventList *self)
{
  sync_search (self);
}

static void
filter_kinds_notify_cb (NhsEventList *self)
{
  sync_kinds (self);
}

static void
filter_range_notify_cb (NhsEventList *self)
{
  update_date_controls (self);
}

static void
model_changed_cb (NhsEventList *self)
{
  update_status (self);
}

static void
selection_changed_cb (NhsEventList *self)
{
  set_selected_event (self, gtk_single_selection_get_selected_item (self->selection));
}

/* The rows show the events position for position: the row selected is
 * the position of the event selected */
static void
mirror_selection_to_view (NhsEventList *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->mirroring > 0 || gtk_single_selection_get_selected (self->view_selection) == selected)
    return;
  self->mirroring++;
  gtk_single_selection_set_selected (self->view_selection, selected);
  self->mirroring--;
}

/* Shows only the first @limit rows, or all (G_MAXUINT): GTK 4.8 makes up
 * to 200 rows at once when the list fills, more than a frame's work, so a
 * window handing over a new dataset raises the limit a few rows a frame
 * (see nhs_event_slots_set_limit ()) */
void
_nhs_event_list_limit_rows (NhsEventList *self,
                            guint         limit)
{
  nhs_event_slots_set_limit (self->slots, limit);
  /* a row selected past the limit is selected once it is there */
  mirror_selection_to_view (self);
}

guint
_nhs_event_list_get_n_rows (NhsEventList *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->slots));
}

/* A click or a key chose a row */
static void
view_selection_changed_cb (NhsEventList *self)
{
  guint selected = gtk_single_selection_get_selected (self->view_selection);

  if (self->mirroring > 0 || gtk_single_selection_get_selected (self->selection) == selected)
    return;
  self->mirroring++;
  gtk_single_selection_set_selected (self->selection, selected);
  self->mirroring--;
}

/* The rows start in date order, the dataset's own (events are ordered by
 * start, then end, then id, and the date column sorts by that position),
 * which needs no sorting (a sort of a large dataset would cost each time a
 * dataset opens). From the first click on a column header on, the column view's
 * sorter sorts them. */
static void
column_sorter_changed_cb (NhsEventList *self,
                          GtkSorterChange change,
                          GtkSorter    *sorter)
{
  g_signal_handlers_disconnect_by_func (sorter, column_sorter_changed_cb, self);
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);
}

static gboolean
sort_changed_idle_cb (gpointer user_data)
{
  NhsEventList *self = user_data;

  self->sort_idle_id = 0;
  g_signal_emit (self, signals[SORT_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Said once the column titles show the new sort, which is where GTK 4.8
 * keeps it (see nhs_event_list_get_sort ()) */
static void
sort_changed_cb (NhsEventList *self)
{
  if (self->sort_idle_id == 0)
    self->sort_idle_id = g_idle_add (sort_changed_idle_cb, self);
}

/* The events changed: the slots follow, then the rows' selection */
static void
events_changing_cb (NhsEventList *self)
{
  self->mirroring++;
}

static void
events_changed_cb (NhsEventList *self)
{
  self->mirroring--;
  mirror_selection_to_view (self);
}

static void
search_changed_cb (NhsEventList *self)
{
  if (self->syncing || self->filter == NULL)
    return;
  nhs_event_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
go_to_first_result (NhsEventList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  scroll_to_position (self, gtk_single_selection_get_selected (self->selection));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Enter in the search: on to the first result, once the results are
 * known (a large dataset's are tested in a thread) */
static void
search_activate_cb (NhsEventList *self)
{
  search_changed_cb (self);
  self->activate_when_settled = nhs_match_list_get_pending (self->matches) > 0;
  if (!self->activate_when_settled)
    go_to_first_result (self);
}

static void
pending_changed_cb (NhsEventList *self)
{
  update_status (self);
  if (self->activate_when_settled && nhs_match_list_get_pending (self->matches) == 0)
    {
      self->activate_when_settled = FALSE;
      go_to_first_result (self);
    }
}

/* Escape: clear the search, then leave it */
static void
search_stop_cb (NhsEventList *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
group_toggled_cb (NhsEventList    *self,
                  GtkToggleButton *toggle)
{
  if (self->syncing || self->filter == NULL)
    return;
  nhs_event_filter_set_group_enabled (self->filter,
                                      g_object_get_data (G_OBJECT (toggle), "nhs-group-id"),
                                      gtk_toggle_button_get_active (toggle));
}

static void
kind_selected_cb (NhsEventList *self)
{
  guint choice = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->syncing || self->filter == NULL || choice >= nhs_kind_choice_get_n_choices ())
    return;
  nhs_event_filter_set_kinds (self->filter, nhs_kind_choice_get_mask (choice));
}

/* Opens the calendar on the day set, or else on the dataset's first (or
 * last) day */
static void
prepare_calendar (NhsEventList *self,
                  GtkCalendar  *calendar,
                  GDateTime    *day,
                  gboolean      at_end)
{
  g_autoptr(GDateTime) shown = NULL;
  gint64 start_us, end_us;

  if (day != NULL)
    shown = g_date_time_ref (day);
  else if (self->dataset && nhs_dataset_get_time_bounds (self->dataset, &start_us, &end_us))
    shown = nhs_time_zone_local (nhs_dataset_get_timezone (self->dataset), at_end ? end_us - 1 : start_us);
  if (shown == NULL)
    return;

  self->syncing = TRUE;
  gtk_calendar_select_day (calendar, shown);
  self->syncing = FALSE;
}

/* The entry shows the day set, in the list's own format, to edit */
static void
prepare_entry (GtkEntry  *entry,
               GDateTime *day)
{
  g_autofree char *text = day ? nhs_format_day (day) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
from_popover_show_cb (NhsEventList *self)
{
  GDateTime *from = self->filter ? nhs_event_filter_get_from (self->filter) : NULL;

  prepare_calendar (self, self->from_calendar, from, FALSE);
  prepare_entry (self->from_entry, from);
}

static void
to_popover_show_cb (NhsEventList *self)
{
  GDateTime *to = self->filter ? nhs_event_filter_get_to (self->filter) : NULL;

  prepare_calendar (self, self->to_calendar, to, TRUE);
  prepare_entry (self->to_entry, to);
}

/* A typed day: 2024-01-31, or what GDate reads in the user's locale
 * ("31/1/2024", "31 January 2024", "31 janvier 2024"); midnight in the
 * dataset's time zone, or NULL */
static GDateTime *
parse_typed_day (NhsEventList *self,
                 const char   *text)
{
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;
  char rest;
  GDate date;

  g_date_clear (&date, 1);
  if (sscanf (text, " %d-%d-%d %c", &year, &month, &day, &rest) == 3 &&
      g_date_valid_dmy (day, month, year))
    g_date_set_dmy (&date, day, month, year);
  else
    g_date_set_parse (&date, text);
  if (!g_date_valid (&date))
    return NULL;
  local = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  return local ? nhs_day_in_timezone (local, dataset_timezone (self)) : NULL;
}

static gboolean
apply_typed_day (NhsEventList *self,
                 GtkEntry     *entry,
                 gboolean      is_from)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDateTime) day = NULL;
  GDateTime *from, *to;

  if (self->filter == NULL)
    return FALSE;
  from = nhs_event_filter_get_from (self->filter);
  to = nhs_event_filter_get_to (self->filter);
  if (*text == '\0')
    {
      /* an empty entry: any day */
      nhs_event_filter_set_range (self->filter, is_from ? NULL : from, is_from ? to : NULL);
      return TRUE;
    }
  day = parse_typed_day (self, text);
  if (day == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Not a day this can read: try 2024-01-31"),
                                      -1);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  /* as with the calendar, a range the wrong way round starts again */
  if (is_from)
    nhs_event_filter_set_range (self->filter, day, to && g_date_time_compare (day, to) > 0 ? NULL : to);
  else
    nhs_event_filter_set_range (self->filter, from && g_date_time_compare (from, day) > 0 ? NULL : from, day);
  return TRUE;
}

static void
from_entry_activate_cb (NhsEventList *self)
{
  if (apply_typed_day (self, self->from_entry, TRUE))
    gtk_popover_popdown (self->from_popover);
}

static void
to_entry_activate_cb (NhsEventList *self)
{
  if (apply_typed_day (self, self->to_entry, FALSE))
    gtk_popover_popdown (self->to_popover);
}

static GDateTime *
calendar_get_day (NhsEventList *self,
                  GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return nhs_day_in_timezone (date, dataset_timezone (self));
}

static void
from_day_selected_cb (NhsEventList *self)
{
  g_autoptr(GDateTime) from = NULL;
  GDateTime *to;

  if (self->syncing || self->filter == NULL)
    return;
  from = calendar_get_day (self, self->from_calendar);
  to = nhs_event_filter_get_to (self->filter);
  /* a first day after the last one starts a new range */
  nhs_event_filter_set_range (self->filter, from,
                              to && g_date_time_compare (from, to) > 0 ? NULL : to);
  gtk_popover_popdown (self->from_popover);
}

static void
to_day_selected_cb (NhsEventList *self)
{
  g_autoptr(GDateTime) to = NULL;
  GDateTime *from;

  if (self->syncing || self->filter == NULL)
    return;
  to = calendar_get_day (self, self->to_calendar);
  from = nhs_event_filter_get_from (self->filter);
  nhs_event_filter_set_range (self->filter,
                              from && g_date_time_compare (from, to) > 0 ? NULL : from, to);
  gtk_popover_popdown (self->to_popover);
}

static void
clear_dates_cb (NhsEventList *self)
{
  if (self->filter != NULL)
    nhs_event_filter_set_range (self->filter, NULL, NULL);
}

static void
clear_filters_cb (NhsEventList *self)
{
  if (self->filter != NULL)
    nhs_event_filter_reset (self->filter);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
row_activated_cb (NhsEventList *self,
                  guint         position)
{
  g_autoptr(NhsEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

/* GObject overrides */

static void
nhs_event_list_dispose (GObject *object)
{
  NhsEventList *self = NHS_EVENT_LIST (object);

  /* taking the columns down changes the sort: not one to tell */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view), sort_changed_cb, self);
  g_clear_handle_id (&self->sort_idle_id, g_source_remove);
  if (self->filter_signals != NULL)
    g_signal_group_set_target (self->filter_signals, NULL);
  g_clear_object (&self->groups_signals);
  /* taking the columns down re-sorts the rows: nothing to show any more */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->matches != NULL)
    g_signal_handlers_disconnect_by_data (self->matches, self);
  if (self->view_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->view_selection, self);
  /* the rows no longer follow the events, nor the events the filter (a
   * test in a thread stops) */
  if (self->slots != NULL)
    g_object_run_dispose (G_OBJECT (self->slots));
  if (self->matches != NULL)
    g_object_run_dispose (G_OBJECT (self->matches));
  _nhs_event_list_menu_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_EVENT_LIST);
  g_clear_object (&self->view_selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->matches);
  g_clear_object (&self->filter_signals);
  g_clear_object (&self->selected_event);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (nhs_event_list_parent_class)->dispose (object);
}

static void
nhs_event_list_finalize (GObject *object)
{
  NhsEventList *self = NHS_EVENT_LIST (object);

  g_clear_pointer (&self->group_toggles, g_hash_table_unref);
  G_OBJECT_CLASS (nhs_event_list_parent_class)->finalize (object);
}

static void
nhs_event_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NhsEventList *self = NHS_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected_event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_event_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NhsEventList *self = NHS_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      nhs_event_list_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      nhs_event_list_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Ctrl+C on the list: the selected event as a line to paste into notes,
 * its title, day and evidence (plain text) */
static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NhsEventList *self = NHS_EVENT_LIST (widget);
  g_autofree char *citation = NULL;

  if (self->selected_event == NULL)
    return;
  citation = nhs_event_dup_citation (self->selected_event);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), citation);
}

static void
nhs_event_list_class_init (NhsEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_event_list_dispose;
  object_class->finalize = nhs_event_list_finalize;
  object_class->get_property = nhs_event_list_get_property;
  object_class->set_property = nhs_event_list_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, NHS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, NHS_TYPE_EVENT_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL, NHS_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NHS_TYPE_EVENT);
  signals[SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (NHS_TYPE_GROUP_DOTS);

  gtk_widget_class_install_action (widget_class, "list.copy-citation", NULL, copy_citation_action);
  _nhs_event_list_menu_class_init (widget_class);
  /* the search entry's own Ctrl+C comes first while it has the focus */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "list.copy-citation", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-event-list.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, box);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, group_box);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, from_button);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, to_button);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, from_popover);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, to_popover);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, from_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, to_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, clear_dates_button);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, stack);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, column_view);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, date_column);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, groups_column);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, kind_column);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, title_column);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, days_column);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, sources_column);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, empty_title);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, empty_description);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, NhsEventList, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_dates_cb);
  gtk_widget_class_bind_template_callback (widget_class, from_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  _nhs_event_list_columns_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventlist");
}

/* The group buttons and the rows shown take the new names and colours */
static void
groups_edited_cb (NhsEventList *self)
{
  rebuild_group_toggles (self);
  nhs_event_slots_all_changed (self->slots);
}

static void
nhs_event_list_init (NhsEventList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* the kind menu's entries come from the table of kinds */
  {
    g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

    for (guint i = 0; i < nhs_kind_choice_get_n_choices (); i++)
      gtk_string_list_append (kinds, nhs_kind_choice_get_label (i));
    self->syncing = TRUE;
    gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
    self->syncing = FALSE;
  }
  self->filter_signals = g_signal_group_new (NHS_TYPE_EVENT_FILTER);
  g_signal_group_connect_object (self->filter_signals, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->filter_signals, "notify::search", G_CALLBACK (filter_search_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->filter_signals, "notify::kinds", G_CALLBACK (filter_kinds_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->filter_signals, "notify::from", G_CALLBACK (filter_range_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->filter_signals, "notify::to", G_CALLBACK (filter_range_notify_cb), self, G_CONNECT_SWAPPED);
  /* a group renamed or given another colour in the inspector */
  self->groups_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->groups_signals, "items-changed", G_CALLBACK (groups_edited_cb), self, G_CONNECT_SWAPPED);

  self->group_toggles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  _nhs_event_list_setup_sorters (self);
  /* sorted, then filtered: a search then never sorts again (filtering a
   * sorted list keeps its order), which at 100,000 events was half the
   * cost of a keystroke. Until a column is chosen, the rows are by date,
   * which is the dataset's own order: nothing to sort (see
   * column_sorter_changed_cb). */
  self->sort_model = gtk_sort_list_model_new (NULL, NULL);
  self->matches = nhs_match_list_new (G_LIST_MODEL (self->sort_model));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->matches)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* in this order: the slots follow the events between the two handlers */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (events_changing_cb), self, G_CONNECT_SWAPPED);
  self->slots = nhs_event_slots_new (G_LIST_MODEL (self->selection));
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);
  self->view_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slots)));
  gtk_single_selection_set_autoselect (self->view_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->view_selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->view_selection));
  _nhs_event_list_sort_by_column (self, self->date_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (column_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->matches, "notify::pending", G_CALLBACK (pending_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (mirror_selection_to_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_selection, "notify::selected", G_CALLBACK (view_selection_changed_cb), self, G_CONNECT_SWAPPED);

  _nhs_event_list_setup_keyboard (self);
  _nhs_event_list_menu_init (self);
  update_status (self);
  update_date_controls (self);
}

/* Public API */

char *
nhs_event_dup_citation (NhsEvent *event)
{
  GPtrArray *evidence = nhs_event_get_evidence (event);
  g_autofree char *day = nhs_format_day (nhs_event_get_start (event));
  GString *line = g_string_new (NULL);

  /* Translators: the start of a copied citation, "Junior doctors' six-day
   * strike (3 Jan 2024)" */
  g_string_append_printf (line, _("%s (%s)"), nhs_event_get_title (event), day);
  for (guint i = 0; i < evidence->len; i++)
    {
      NhsEvidence *item = g_ptr_array_index (evidence, i);
      NhsArticle *article = nhs_evidence_get_article (item);
      NhsSource *source = nhs_evidence_get_source (item);
      const char *publisher = nhs_evidence_get_publisher (item);
      const char *title = article ? nhs_article_get_title (article) : source ? nhs_source_get_title (source) : NULL;
      const char *url = article ? nhs_article_get_url (article) : source ? nhs_source_get_url (source) : NULL;

      if (title == NULL)
        continue;
      g_string_append (line, i == 0 ? ". " : "; ");
      if (publisher && *publisher)
        g_string_append_printf (line, "%s, ", publisher);
      g_string_append_printf (line, _("“%s”"), title);
      if (url && *url)
        g_string_append_printf (line, " %s", url);
    }
  return g_string_free (line, FALSE);
}

GtkWidget *
nhs_event_list_new (void)
{
  return g_object_new (NHS_TYPE_EVENT_LIST, NULL);
}


void
nhs_event_list_set_dataset (NhsEventList *self,
                            NhsDataset   *dataset)
{
  g_return_if_fail (NHS_IS_EVENT_LIST (self));
  g_return_if_fail (dataset == NULL || NHS_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;
  g_set_object (&self->dataset, dataset);
  g_signal_group_set_target (self->groups_signals, dataset ? nhs_dataset_get_groups (dataset) : NULL);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  nhs_match_list_set_dataset (self->matches, dataset);
  gtk_sort_list_model_set_model (self->sort_model, dataset ? nhs_dataset_get_events (dataset) : NULL);
  rebuild_group_toggles (self);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
nhs_event_list_set_filter (NhsEventList   *self,
                           NhsEventFilter *filter)
{
  g_return_if_fail (NHS_IS_EVENT_LIST (self));
  g_return_if_fail (filter == NULL || NHS_IS_EVENT_FILTER (filter));

  if (self->filter == filter)
    return;
  g_set_object (&self->filter, filter);
  /* the group moves the handlers from the old filter to the new one */
  g_signal_group_set_target (self->filter_signals, filter);
  nhs_match_list_set_filter (self->matches, filter);
  sync_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

NhsEventFilter *
nhs_event_list_get_filter (NhsEventList *self)
{
  g_return_val_if_fail (NHS_IS_EVENT_LIST (self), NULL);
  return self->filter;
}

NhsEvent *
nhs_event_list_get_selected_event (NhsEventList *self)
{
  g_return_val_if_fail (NHS_IS_EVENT_LIST (self), NULL);
  return self->selected_event;
}

gboolean
nhs_event_list_select_event (NhsEventList *self,
                             NhsEvent     *event)
{
  guint position;

  g_return_val_if_fail (NHS_IS_EVENT_LIST (self), FALSE);
  g_return_val_if_fail (event == NULL || NHS_IS_EVENT (event), FALSE);

  position = event != NULL ? nhs_match_list_find (self->matches, event) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  scroll_to_position (self, position);
  return TRUE;
}

void
nhs_event_list_focus_search (NhsEventList *self)
{
  g_return_if_fail (NHS_IS_EVENT_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
nhs_event_list_focus_rows (NhsEventList *self)
{
  GtkWidget *list_view;

  g_return_if_fail (NHS_IS_EVENT_LIST (self));

  list_view = _nhs_event_list_get_list_view (self);
  if (list_view == NULL || !gtk_widget_grab_focus (list_view))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
nhs_event_list_set_compact (NhsEventList *self,
                            gboolean      compact)
{
  g_return_if_fail (NHS_IS_EVENT_LIST (self));

  /* the title needs the room most; the row's accessible name and the
   * reader still say the groups, the kind and the sources */
  gtk_column_view_column_set_visible (self->groups_column, !compact);
  gtk_column_view_column_set_visible (self->kind_column, !compact);
  gtk_column_view_column_set_visible (self->sources_column, !compact);
}

static int
compare_with_sorter (gconstpointer a,
                     gconstpointer b,
                     gpointer      sorter)
{
  return gtk_sorter_compare (sorter, *(gpointer *) a, *(gpointer *) b);
}

GPtrArray *
nhs_event_list_dup_visible_events (NhsEventList *self)
{
  GPtrArray *events;

  g_return_val_if_fail (NHS_IS_EVENT_LIST (self), NULL);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->dataset == NULL)
    return events;
  for (guint i = 0; i < nhs_dataset_get_n_events (self->dataset); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (self->dataset, i);

      if (self->filter == NULL || nhs_event_filter_match (self->filter, event))
        g_ptr_array_add (events, g_object_ref (event));
    }
  /* g_ptr_array_sort_with_data is stable: ties keep the dataset order */
  g_ptr_array_sort_with_data (events, compare_with_sorter, gtk_column_view_get_sorter (self->column_view));
  return events;
}

/* Private API, for the tests */

GtkEditable *
nhs_event_list_get_search_entry (NhsEventList *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkToggleButton *
nhs_event_list_get_group_toggle (NhsEventList *self,
                                 const char   *group_id)
{
  return g_hash_table_lookup (self->group_toggles, group_id);
}

GtkDropDown *
nhs_event_list_get_kind_dropdown (NhsEventList *self)
{
  return self->kind_dropdown;
}

GtkColumnView *
nhs_event_list_get_column_view (NhsEventList *self)
{
  return self->column_view;
}

GtkLabel *
nhs_event_list_get_status_label (NhsEventList *self)
{
  return self->status_label;
}

gboolean
nhs_event_list_is_busy (NhsEventList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return nhs_match_list_get_pending (self->matches) > 0 ||
         (self->filter != NULL && g_strcmp0 (text, nhs_event_filter_get_search (self->filter)) != 0);
}

void
nhs_event_list_event_changed (NhsEventList *self,
                              NhsEvent     *event)
{
  g_return_if_fail (NHS_IS_EVENT_LIST (self));

  nhs_event_slots_event_changed (self->slots, event);
  update_status (self);
}
