/* nhs-object-list.h: a GListModel over an array of objects
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NHS_TYPE_OBJECT_LIST (nhs_object_list_get_type ())
G_DECLARE_FINAL_TYPE (NhsObjectList, nhs_object_list, NHS, OBJECT_LIST, GObject)

/* A list that shows the array (of objects of item_type, which it must own)
 * as it stands. For a dataset's lists: the loader fills the array before
 * anyone sees the list; only an NhsDocument changes it afterwards, and
 * emits items-changed on the list for what it changes. An item is found in constant time, where a
 * GListStore walks a tree; and it costs a pointer, where a GListStore
 * adds a tree node. */
NhsObjectList *nhs_object_list_new (GType      item_type,
                                    GPtrArray *items);

G_END_DECLS
