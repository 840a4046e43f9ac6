/* nhs-object-list.c: a GListModel over an array of objects
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-object-list"

#include "config.h"

#include "nhs-object-list.h"

struct _NhsObjectList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
};

static GType
nhs_object_list_get_item_type (GListModel *model)
{
  return NHS_OBJECT_LIST (model)->item_type;
}

static guint
nhs_object_list_get_n_items (GListModel *model)
{
  return NHS_OBJECT_LIST (model)->items->len;
}

static gpointer
nhs_object_list_get_item (GListModel *model,
                          guint       position)
{
  NhsObjectList *self = NHS_OBJECT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
nhs_object_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nhs_object_list_get_item_type;
  iface->get_n_items = nhs_object_list_get_n_items;
  iface->get_item = nhs_object_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (NhsObjectList, nhs_object_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nhs_object_list_model_init))

static void
nhs_object_list_finalize (GObject *object)
{
  NhsObjectList *self = NHS_OBJECT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (nhs_object_list_parent_class)->finalize (object);
}

static void
nhs_object_list_class_init (NhsObjectListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nhs_object_list_finalize;
}

static void
nhs_object_list_init (NhsObjectList *self)
{
}

NhsObjectList *
nhs_object_list_new (GType      item_type,
                     GPtrArray *items)
{
  NhsObjectList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (NHS_TYPE_OBJECT_LIST, NULL);
  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);
  return self;
}
