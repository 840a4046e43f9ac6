/* nhs-event-list-private.h: the event list's struct, shared by its files
 * (nhs-event-list.c, nhs-event-list-columns.c), and what the window tests
 * reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-event-list.h"
#include "nhs-event-slots.h"
#include "nhs-match-list.h"

G_BEGIN_DECLS

struct _NhsEventList
{
  GtkWidget parent_instance;

  NhsDataset *dataset;
  NhsEventFilter *filter;
  NhsEvent *selected_event;

  NhsMatchList *matches;
  /* Enter was pressed in the search while its results were being tested */
  gboolean activate_when_settled;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  NhsEventSlots *slots;
  GtkSingleSelection *view_selection;
  guint sort_idle_id;          /* "sort-changed" to say */
  /* set while one selection is made to follow the other */
  guint mirroring;

  /* group id → its GtkToggleButton (owned by group_box) */
  GHashTable *group_toggles;
  /* set while the controls are updated from the filter */
  gboolean syncing;
  /* the handlers on the filter, whichever it is */
  GSignalGroup *filter_signals;
  GSignalGroup *groups_signals;   /* the dataset's groups */

  GtkWidget *box;
  GtkWidget *filter_bar;
  GtkSearchEntry *search_entry;
  GtkBox *group_box;
  GtkDropDown *kind_dropdown;
  GtkMenuButton *from_button;
  GtkMenuButton *to_button;
  GtkPopover *from_popover;
  GtkPopover *to_popover;
  GtkCalendar *from_calendar;
  GtkCalendar *to_calendar;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkWidget *clear_dates_button;
  GtkStack *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *groups_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *sources_column;
  GtkLabel *empty_title;
  GtkLabel *empty_description;
  GtkWidget *clear_filters_button;
  GtkLabel *status_label;

  /* the events' context menu (nhs-event-list-menu.c), a child of the list */
  GtkPopoverMenu *context_menu;
};

/* Shared by the list's files */
guint            _nhs_event_list_widest_day_chars  (void);

/* The context menu (nhs-event-list-menu.c) */
void             _nhs_event_list_menu_class_init   (GtkWidgetClass *widget_class);
void             _nhs_event_list_menu_init         (NhsEventList *self);
void             _nhs_event_list_menu_dispose      (NhsEventList *self);
/* What the menu offers follows the selected event */
void             _nhs_event_list_menu_update       (NhsEventList *self);
/* The cell's child of a row tells the row it is in */
void             _nhs_event_list_remember_item     (GtkWidget    *child,
                                                    GtkListItem  *item);
/* Shift+F10 or the Menu key on the rows: the menu on the selected row */
gboolean         _nhs_event_list_popup_menu_at_focus (NhsEventList *self);

/* Columns (nhs-event-list-columns.c) */
void             _nhs_event_list_columns_class_init (GtkWidgetClass *widget_class);
void             _nhs_event_list_setup_sorters     (NhsEventList *self);
void             _nhs_event_list_setup_keyboard    (NhsEventList *self);
GtkWidget       *_nhs_event_list_get_list_view     (NhsEventList *self);
/* The first rows only, for a while (G_MAXUINT: all of them) */
void             _nhs_event_list_limit_rows        (NhsEventList *self,
                                                    guint         limit);
guint            _nhs_event_list_get_n_rows        (NhsEventList *self);
void             _nhs_event_list_sort_by_column    (NhsEventList        *self,
                                                    GtkColumnViewColumn *column,
                                                    GtkSortType          order);


GtkEditable     *nhs_event_list_get_search_entry  (NhsEventList *self);
GtkToggleButton *nhs_event_list_get_group_toggle  (NhsEventList *self,
                                                   const char   *group_id);
GtkDropDown     *nhs_event_list_get_kind_dropdown (NhsEventList *self);
GtkColumnView   *nhs_event_list_get_column_view   (NhsEventList *self);
GtkLabel        *nhs_event_list_get_status_label  (NhsEventList *self);
/* The events' context menu (shown or not) */
GtkPopoverMenu  *nhs_event_list_get_context_menu  (NhsEventList *self);
/* TRUE while a search waits to be applied or the list is still filtering */
gboolean         nhs_event_list_is_busy           (NhsEventList *self);

G_END_DECLS
