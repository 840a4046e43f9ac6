/* nhs-event-slots.h: a list of row slots over a list of events
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-model.h"

G_BEGIN_DECLS

#define NHS_TYPE_EVENT_SLOT (nhs_event_slot_get_type ())

G_DECLARE_FINAL_TYPE (NhsEventSlot, nhs_event_slot, NHS, EVENT_SLOT, GObject)

NhsEvent *nhs_event_slot_get_event (NhsEventSlot *self);

#define NHS_TYPE_EVENT_SLOTS (nhs_event_slots_get_type ())

G_DECLARE_FINAL_TYPE (NhsEventSlots, nhs_event_slots, NHS, EVENT_SLOTS, GObject)

NhsEventSlots *nhs_event_slots_new (GListModel *events);
/* The event changed in place (an edit): the slots showing it say so */
void           nhs_event_slots_event_changed (NhsEventSlots *self,
                                              NhsEvent      *event);

/* Something every event shows changed (a group's name or colour): the
 * slots alive (the rows shown) say so */
void           nhs_event_slots_all_changed   (NhsEventSlots *self);

/* Only the first positions, for a while (G_MAXUINT: all of them) */
void           nhs_event_slots_set_limit     (NhsEventSlots *self,
                                              guint          limit);
guint          nhs_event_slots_get_limit     (NhsEventSlots *self);

G_END_DECLS
