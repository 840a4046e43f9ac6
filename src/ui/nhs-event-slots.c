/* nhs-event-slots.c: a list of row slots over a list of events
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list widgets keep a row widget for each item they show (up to
 * 200 of them) and throw it away when its item leaves the list: a search
 * that changes which events are shown destroys some 3,500 widgets and makes
 * as many again (cells, their text and accessibles), a large share of a
 * keystroke (docs/benchmarks.md). GTK 4.12 recycles row widgets; on 4.8 this model does it.
 *
 * NhsEventSlots is a GListModel whose item at position i is a slot, an
 * object that stands for "the event at position i" of another list. When
 * that list changes, the slots that are alive (the ones GTK holds for its
 * rows) are told their new events through notify::event, and this list
 * reports a change only of its length, at its end. The rows keep their
 * widgets and only their text changes.
 *
 * A slot lives as long as someone holds it: the list keeps no reference,
 * only a pointer the slot clears when it goes, so a million events make no
 * more slots than the rows shown.
 *
 * The list can be held to its first positions for a while (a limit): GTK
 * makes all its rows at once when a list grows from nothing, which is too
 * much for one frame, so a window handing a new dataset to its list lets
 * the rows come a few at a frame (nhs-window-handover.c).
 */
#define G_LOG_DOMAIN "nhs-event-slots"

#include "config.h"

#include "nhs-event-slots.h"

struct _NhsEventSlot
{
  GObject parent_instance;

  NhsEventSlots *slots;   /* not owned; NULL once the slot is out of the list */
  guint position;
  NhsEvent *event;
};

struct _NhsEventSlots
{
  GObject parent_instance;

  GListModel *events;
  guint n_items;          /* of events */
  guint limit;            /* positions shown at most; G_MAXUINT: all */
  /* position → the live slot there, or NULL; grows on demand */
  GPtrArray *by_position;
  /* the live slots (a set) */
  GHashTable *live;
};

enum {
  SLOT_PROP_0,
  SLOT_PROP_EVENT,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

G_DEFINE_FINAL_TYPE (NhsEventSlot, nhs_event_slot, G_TYPE_OBJECT)

static void slots_forget (NhsEventSlots *self, NhsEventSlot *slot);

static void
nhs_event_slot_finalize (GObject *object)
{
  NhsEventSlot *self = NHS_EVENT_SLOT (object);

  if (self->slots != NULL)
    slots_forget (self->slots, self);
  g_clear_object (&self->event);
  G_OBJECT_CLASS (nhs_event_slot_parent_class)->finalize (object);
}

static void
nhs_event_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NhsEventSlot *self = NHS_EVENT_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_event_slot_class_init (NhsEventSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_event_slot_finalize;
  object_class->get_property = nhs_event_slot_get_property;

  /**
   * NhsEventSlot:event:
   *
   * The event at the slot's position; it changes when the list does.
   */
  slot_properties[SLOT_PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         NHS_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
nhs_event_slot_init (NhsEventSlot *self)
{
}

/**
 * nhs_event_slot_get_event:
 * @self: a slot
 *
 * Returns: (transfer none) (nullable): the event the slot stands for, or
 *   %NULL when its position is no longer in the list
 */
NhsEvent *
nhs_event_slot_get_event (NhsEventSlot *self)
{
  g_return_val_if_fail (NHS_IS_EVENT_SLOT (self), NULL);
  return self->event;
}

/* NhsEventSlots */

static GType
nhs_event_slots_get_item_type (GListModel *list)
{
  return NHS_TYPE_EVENT_SLOT;
}

static guint
slots_shown (NhsEventSlots *self)
{
  return MIN (self->n_items, self->limit);
}

static guint
nhs_event_slots_get_n_items (GListModel *list)
{
  return slots_shown (NHS_EVENT_SLOTS (list));
}

static gpointer
nhs_event_slots_get_item (GListModel *list,
                          guint       position)
{
  NhsEventSlots *self = NHS_EVENT_SLOTS (list);
  NhsEventSlot *slot;

  if (position >= slots_shown (self))
    return NULL;
  if (position < self->by_position->len)
    {
      slot = g_ptr_array_index (self->by_position, position);
      if (slot != NULL)
        return g_object_ref (slot);
    }
  else
    g_ptr_array_set_size (self->by_position, position + 1);

  slot = g_object_new (NHS_TYPE_EVENT_SLOT, NULL);
  slot->slots = self;
  slot->position = position;
  slot->event = g_list_model_get_item (self->events, position);
  g_ptr_array_index (self->by_position, position) = slot;
  g_hash_table_add (self->live, slot);
  return slot;
}

static void
nhs_event_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nhs_event_slots_get_item_type;
  iface->get_n_items = nhs_event_slots_get_n_items;
  iface->get_item = nhs_event_slots_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (NhsEventSlots, nhs_event_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nhs_event_slots_list_model_init))

/* A slot went away: it no longer has a place */
static void
slots_forget (NhsEventSlots *self,
              NhsEventSlot  *slot)
{
  if (slot->position < self->by_position->len &&
      g_ptr_array_index (self->by_position, slot->position) == slot)
    g_ptr_array_index (self->by_position, slot->position) = NULL;
  g_hash_table_remove (self->live, slot);
  slot->slots = NULL;
}

static void
slot_set_event (NhsEventSlot *slot,
                NhsEvent     *event)
{
  if (slot->event == event)
    {
      g_clear_object (&event);
      return;
    }
  g_clear_object (&slot->event);
  slot->event = event;
  g_object_notify_by_pspec (G_OBJECT (slot), slot_properties[SLOT_PROP_EVENT]);
}

/* The slots from position on stand for the events there now, and the
 * positions shown go from old_n to what the events and the limit give */
static void
update_slots (NhsEventSlots *self,
              guint          position,
              guint          old_n)
{
  GListModel *events = self->events;
  guint new_n = MIN (g_list_model_get_n_items (events), self->limit);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key;

  /* The slots from the change on may stand for other events now. They are
   * collected first and told afterwards: a handler may take or drop slots. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      NhsEventSlot *slot = key;

      if (slot->position < position)
        continue;
      if (slot->position >= new_n)
        {
          /* past the new end: out of the list (GTK drops it below) */
          if (slot->position < self->by_position->len)
            g_ptr_array_index (self->by_position, slot->position) = NULL;
          slot->slots = NULL;
          g_hash_table_iter_remove (&iter);
        }
      g_ptr_array_add (changed, g_object_ref (slot));
    }

  self->n_items = g_list_model_get_n_items (events);
  if (self->by_position->len > new_n)
    g_ptr_array_set_size (self->by_position, new_n);

  for (guint i = 0; i < changed->len; i++)
    {
      NhsEventSlot *slot = g_ptr_array_index (changed, i);

      slot_set_event (slot, slot->slots != NULL ? g_list_model_get_item (events, slot->position) : NULL);
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

static void
events_changed_cb (NhsEventSlots *self,
                   guint          position,
                   guint          removed,
                   guint          added,
                   GListModel    *events)
{
  update_slots (self, position, slots_shown (self));
}

static void
nhs_event_slots_dispose (GObject *object)
{
  NhsEventSlots *self = NHS_EVENT_SLOTS (object);

  if (self->live != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        ((NhsEventSlot *) key)->slots = NULL;
      g_clear_pointer (&self->live, g_hash_table_unref);
    }
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_clear_pointer (&self->by_position, g_ptr_array_unref);
  G_OBJECT_CLASS (nhs_event_slots_parent_class)->dispose (object);
}

static void
nhs_event_slots_class_init (NhsEventSlotsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nhs_event_slots_dispose;
}

static void
nhs_event_slots_init (NhsEventSlots *self)
{
  self->by_position = g_ptr_array_new ();
  self->live = g_hash_table_new (NULL, NULL);
  self->limit = G_MAXUINT;
}

/**
 * nhs_event_slots_new:
 * @events: a list of #NhsEvent
 *
 * Returns: (transfer full): a list of #NhsEventSlot, one for each position
 *   of @events, that follows it
 */
NhsEventSlots *
nhs_event_slots_new (GListModel *events)
{
  NhsEventSlots *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  self = g_object_new (NHS_TYPE_EVENT_SLOTS, NULL);
  self->events = g_object_ref (events);
  self->n_items = g_list_model_get_n_items (events);
  g_signal_connect_object (events, "items-changed", G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
nhs_event_slots_event_changed (NhsEventSlots *self,
                               NhsEvent      *event)
{
  g_autoptr(GPtrArray) showing = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (NHS_IS_EVENT_SLOTS (self));

  /* collected first: a handler may take or drop slots */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (((NhsEventSlot *) key)->event == event)
      g_ptr_array_add (showing, g_object_ref (key));
  for (guint i = 0; i < showing->len; i++)
    g_object_notify_by_pspec (g_ptr_array_index (showing, i), slot_properties[SLOT_PROP_EVENT]);
}

void
nhs_event_slots_all_changed (NhsEventSlots *self)
{
  g_autoptr(GPtrArray) showing = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (NHS_IS_EVENT_SLOTS (self));

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (showing, g_object_ref (key));
  for (guint i = 0; i < showing->len; i++)
    g_object_notify_by_pspec (g_ptr_array_index (showing, i), slot_properties[SLOT_PROP_EVENT]);
}

/**
 * nhs_event_slots_set_limit:
 * @self: slots
 * @limit: the most positions to show, or %G_MAXUINT for all
 *
 * Shows only the first @limit positions of the events, as if the list of
 * events ended there: raising the limit adds positions at the end, and
 * lowering it takes them away (their slots stand for no event any more).
 */
void
nhs_event_slots_set_limit (NhsEventSlots *self,
                           guint          limit)
{
  guint old_n;

  g_return_if_fail (NHS_IS_EVENT_SLOTS (self));

  old_n = slots_shown (self);
  self->limit = limit;
  /* as if the events past the limit went, or came */
  update_slots (self, MIN (old_n, slots_shown (self)), old_n);
}

guint
nhs_event_slots_get_limit (NhsEventSlots *self)
{
  g_return_val_if_fail (NHS_IS_EVENT_SLOTS (self), G_MAXUINT);
  return self->limit;
}
