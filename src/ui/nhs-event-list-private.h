/* nhs-event-list-private.h: what the window tests reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-event-list.h"

G_BEGIN_DECLS

GtkEditable     *nhs_event_list_get_search_entry  (NhsEventList *self);
GtkToggleButton *nhs_event_list_get_group_toggle  (NhsEventList *self,
                                                   const char   *group_id);
GtkDropDown     *nhs_event_list_get_kind_dropdown (NhsEventList *self);
GtkColumnView   *nhs_event_list_get_column_view   (NhsEventList *self);
GtkLabel        *nhs_event_list_get_status_label  (NhsEventList *self);
/* TRUE while a search waits to be applied or the list is still filtering */
gboolean         nhs_event_list_is_busy           (NhsEventList *self);

G_END_DECLS
