/* test-event-slots.c: NhsEventSlots, the row slots the event list shows
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "nhs-event-slots.h"
#include "test-util.h"

typedef struct
{
  guint position, removed, added;
  guint n_changes;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_changes++;
}

static void
count_notify_cb (GObject    *slot,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static const char *
slot_id (NhsEventSlot *slot)
{
  NhsEvent *event = nhs_event_slot_get_event (slot);

  return event ? nhs_event_get_id (event) : "(none)";
}

/* The ids in a GListModel of slots, joined by spaces */
static char *
slot_ids (GListModel *slots)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(NhsEventSlot) slot = g_list_model_get_item (slots, i);

      g_string_append_printf (s, "%s%s", s->len ? " " : "", slot_id (slot));
    }
  return g_string_free (s, FALSE);
}

static GListStore *
first_events (NhsDataset *ds,
              guint       n)
{
  GListStore *store = g_list_store_new (NHS_TYPE_EVENT);

  for (guint i = 0; i < n; i++)
    g_list_store_append (store, nhs_dataset_get_event (ds, i));
  return store;
}

static void
test_follow (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(GListStore) store = first_events (ds, 5);
  g_autoptr(NhsEventSlots) slots = nhs_event_slots_new (G_LIST_MODEL (store));
  GListModel *model = G_LIST_MODEL (slots);
  g_autoptr(NhsEventSlot) s0 = NULL;
  g_autoptr(NhsEventSlot) s1 = NULL;
  g_autoptr(NhsEventSlot) s3 = NULL;
  g_autoptr(NhsEventSlot) s4 = NULL;
  g_autoptr(NhsEventSlot) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Changes changes = { 0 };
  guint n0 = 0, n1 = 0, n3 = 0;

  g_assert_true (g_list_model_get_item_type (model) == NHS_TYPE_EVENT_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_null (g_list_model_get_item (model, 5));

  s0 = g_list_model_get_item (model, 0);
  s1 = g_list_model_get_item (model, 1);
  s3 = g_list_model_get_item (model, 3);
  s4 = g_list_model_get_item (model, 4);
  /* a slot alive is the same object each time it is asked for */
  again = g_list_model_get_item (model, 1);
  g_assert_true (again == s1);
  g_assert_true (nhs_event_slot_get_event (s1) == nhs_dataset_get_event (ds, 1));

  g_signal_connect (slots, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (s0, "notify::event", G_CALLBACK (count_notify_cb), &n0);
  g_signal_connect (s1, "notify::event", G_CALLBACK (count_notify_cb), &n1);
  g_signal_connect (s3, "notify::event", G_CALLBACK (count_notify_cb), &n3);

  /* removing the second event: the slots from there on stand for the next
   * events, and only the end of the list changes */
  before = slot_ids (model);
  g_list_store_remove (store, 1);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.position, ==, 4);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (n0, ==, 0);
  g_assert_cmpuint (n1, ==, 1);
  g_assert_cmpuint (n3, ==, 1);
  g_assert_true (nhs_event_slot_get_event (s1) == nhs_dataset_get_event (ds, 2));
  g_assert_true (nhs_event_slot_get_event (s3) == nhs_dataset_get_event (ds, 4));
  /* the slot past the end stands for nothing, and is out of the list */
  g_assert_null (nhs_event_slot_get_event (s4));
  after = slot_ids (model);
  g_assert_cmpstr (after, !=, before);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(NhsEventSlot) slot = g_list_model_get_item (model, i);
      g_autoptr(NhsEvent) event = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (nhs_event_slot_get_event (slot) == event);
    }

  /* adding at the front: every slot moves on, the list grows at its end */
  g_list_store_insert (store, 0, nhs_dataset_get_event (ds, 10));
  g_assert_cmpuint (changes.n_changes, ==, 2);
  g_assert_cmpuint (changes.position, ==, 4);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (n0, ==, 1);
  g_assert_true (nhs_event_slot_get_event (s0) == nhs_dataset_get_event (ds, 10));
  g_assert_true (nhs_event_slot_get_event (s1) == nhs_dataset_get_event (ds, 0));

  /* a change that leaves a slot's event as it was does not notify it */
  n0 = 0;
  g_list_store_append (store, nhs_dataset_get_event (ds, 9));
  g_assert_cmpuint (n0, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
}

/* Slots nobody holds are not kept; a new one stands for the event there
 * now; slots outliving their list do no harm */
static void
test_lifetime (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(GListStore) store = first_events (ds, 3);
  NhsEventSlots *slots = nhs_event_slots_new (G_LIST_MODEL (store));
  NhsEventSlot *slot = g_list_model_get_item (G_LIST_MODEL (slots), 2);
  g_autoptr(NhsEventSlot) held = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  g_autoptr(NhsEventSlot) fresh = NULL;

  g_object_add_weak_pointer (G_OBJECT (slot), (gpointer *) &slot);
  g_object_unref (slot);
  g_assert_null (slot);

  g_list_store_remove (store, 0);
  fresh = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  g_assert_true (fresh == held);
  g_assert_true (nhs_event_slot_get_event (fresh) == nhs_dataset_get_event (ds, 2));

  g_object_unref (slots);
  /* the list is gone: the slot keeps its last event */
  g_list_store_remove (store, 0);
  g_assert_true (nhs_event_slot_get_event (held) == nhs_dataset_get_event (ds, 2));
}

/* Held to its first positions (a window handing over a dataset lets the
 * rows come a few at a frame): the list ends at the limit, whatever the
 * events do meanwhile, and grows to all of them when the limit goes */
static void
test_limit (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(GListStore) store = g_list_store_new (NHS_TYPE_EVENT);
  g_autoptr(NhsEventSlots) slots = nhs_event_slots_new (G_LIST_MODEL (store));
  GListModel *model = G_LIST_MODEL (slots);
  g_autoptr(GListStore) all = first_events (ds, 8);
  g_autoptr(NhsEventSlot) s1 = NULL;
  g_autoptr(NhsEventSlot) s2 = NULL;
  g_autofree char *shown = NULL;
  Changes changes = { 0 };

  g_assert_cmpuint (nhs_event_slots_get_limit (slots), ==, G_MAXUINT);
  g_signal_connect (slots, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  nhs_event_slots_set_limit (slots, 3);
  g_assert_cmpuint (nhs_event_slots_get_limit (slots), ==, 3);
  /* nothing shown yet: nothing changes */
  g_assert_cmpuint (changes.n_changes, ==, 0);

  /* eight events come: three are shown */
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(NhsEvent) event = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_list_store_append (store, event);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (changes.n_changes, ==, 3);
  g_assert_null (g_list_model_get_item (model, 3));
  shown = slot_ids (model);
  g_assert_cmpstr (shown, ==, "ballot-rd award-2023 cons-a");

  /* a change past the limit shows nowhere */
  changes.n_changes = 0;
  g_list_store_remove (store, 6);
  g_assert_cmpuint (changes.n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* raised: the positions added at the end */
  s1 = g_list_model_get_item (model, 1);
  nhs_event_slots_set_limit (slots, 5);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  s2 = g_list_model_get_item (model, 4);
  g_assert_true (nhs_event_slot_get_event (s2) == nhs_dataset_get_event (ds, 4));

  /* lowered: the positions past it go, and their slots stand for nothing */
  nhs_event_slots_set_limit (slots, 2);
  g_assert_cmpuint (changes.n_changes, ==, 2);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 3);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_null (nhs_event_slot_get_event (s2));
  g_assert_true (nhs_event_slot_get_event (s1) == nhs_dataset_get_event (ds, 1));

  /* gone: every event, the slots kept where they were */
  nhs_event_slots_set_limit (slots, G_MAXUINT);
  g_assert_cmpuint (changes.n_changes, ==, 3);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.added, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(NhsEventSlot) slot = g_list_model_get_item (model, i);
      g_autoptr(NhsEvent) event = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (nhs_event_slot_get_event (slot) == event);
    }
  g_assert_true (nhs_event_slot_get_event (s1) == nhs_dataset_get_event (ds, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-slots/follow", test_follow);
  g_test_add_func ("/event-slots/lifetime", test_lifetime);
  g_test_add_func ("/event-slots/limit", test_limit);
  return g_test_run ();
}
