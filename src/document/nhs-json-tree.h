/* nhs-json-tree.h: an editable JSON tree that writes back what it read
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an edited dataset is saved from. It keeps every member of every
 * object in the order the file had it, keys the app does not know
 * included, and every number as its text (so "8.8" stays "8.8" and an
 * integer stays as written). It writes one layout, the canonical one
 * (docs/dataset-format.md): for a file already in it, an unchanged tree
 * writes the same bytes, and a changed value changes only its own lines.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  NHS_JSON_ITEM_NULL,
  NHS_JSON_ITEM_TRUE,
  NHS_JSON_ITEM_FALSE,
  NHS_JSON_ITEM_NUMBER,
  NHS_JSON_ITEM_STRING,
  NHS_JSON_ITEM_ARRAY,
  NHS_JSON_ITEM_OBJECT,
} NhsJsonItemType;

typedef struct _NhsJsonItem NhsJsonItem;

/* Strict JSON (RFC 8259) with an object or array at the top, nested at most
 * max_depth deep; NULL with a message otherwise. A key given twice keeps
 * its first place and its last value, as json-glib and most readers do. */
NhsJsonItem     *nhs_json_item_parse        (const char  *text,
                                             gsize        len,
                                             guint        max_depth,
                                             GError     **error);
/* A copy of json-glib's tree, for text only json-glib reads */
NhsJsonItem     *nhs_json_item_from_json_node (JsonNode  *node);
/* json-glib's tree of the item, for the loader's per-item rules */
JsonNode        *nhs_json_item_to_json_node (const NhsJsonItem *item);

NhsJsonItem     *nhs_json_item_new_null     (void);
NhsJsonItem     *nhs_json_item_new_boolean  (gboolean     value);
NhsJsonItem     *nhs_json_item_new_string   (const char  *text);
NhsJsonItem     *nhs_json_item_new_int      (gint64       value);
/* NULL when the value is not finite (JSON has no such numbers) */
NhsJsonItem     *nhs_json_item_new_double   (double       value);
NhsJsonItem     *nhs_json_item_new_array    (void);
NhsJsonItem     *nhs_json_item_new_object   (void);
/* A string array of strv */
NhsJsonItem     *nhs_json_item_new_strv     (const char * const *strv);
NhsJsonItem     *nhs_json_item_copy         (const NhsJsonItem *item);
void             nhs_json_item_free         (NhsJsonItem *item);
gboolean         nhs_json_item_equal        (const NhsJsonItem *a,
                                             const NhsJsonItem *b);

NhsJsonItemType  nhs_json_item_get_item_type (const NhsJsonItem *item);
/* a string's text; NULL for other types */
const char      *nhs_json_item_get_string   (const NhsJsonItem *item);
/* a number as the file wrote it ("8.8", "12"); NULL for other types */
const char      *nhs_json_item_get_number_text (const NhsJsonItem *item);
double           nhs_json_item_get_double   (const NhsJsonItem *item);
/* elements of an array, members of an object */
guint            nhs_json_item_get_length   (const NhsJsonItem *item);
guint            nhs_json_item_get_depth    (const NhsJsonItem *item);

/* Arrays. Insert takes the item; remove hands it back. */
NhsJsonItem     *nhs_json_array_get         (const NhsJsonItem *array,
                                             guint        index);
void             nhs_json_array_insert      (NhsJsonItem *array,
                                             guint        index,
                                             NhsJsonItem *item);
NhsJsonItem     *nhs_json_array_steal       (NhsJsonItem *array,
                                             guint        index);
/* the position of item (compared by address), or -1 */
int              nhs_json_array_find        (const NhsJsonItem *array,
                                             const NhsJsonItem *item);

/* Objects */
NhsJsonItem     *nhs_json_object_get_member (const NhsJsonItem *object,
                                             const char  *key);
const char      *nhs_json_object_get_member_string (const NhsJsonItem *object,
                                                    const char  *key);
const char      *nhs_json_object_get_key    (const NhsJsonItem *object,
                                             guint        index);
NhsJsonItem     *nhs_json_object_get_value  (const NhsJsonItem *object,
                                             guint        index);
/* Sets the member, taking value: in its place when the key is there,
 * otherwise before the first member whose key comes after it in order
 * (the keys in the order the format lists them), or last. Returns the value
 * it replaces, or NULL. */
NhsJsonItem     *nhs_json_object_replace    (NhsJsonItem *object,
                                             const char  *key,
                                             NhsJsonItem *value,
                                             const char * const *order);
/* Removes the member and hands back its value (NULL when absent) and,
 * when index is given, where it stood */
NhsJsonItem     *nhs_json_object_steal      (NhsJsonItem *object,
                                             const char  *key,
                                             guint       *index);
/* Puts a member back where it stood, taking value */
void             nhs_json_object_insert     (NhsJsonItem *object,
                                             guint        index,
                                             const char  *key,
                                             NhsJsonItem *value);

/* The canonical layout: the item as text, with a final newline at the top */
void             nhs_json_item_write        (const NhsJsonItem *item,
                                             GString     *out);
/* The same, given up (FALSE) between two elements of an array once another
 * thread sets *stop */
gboolean         nhs_json_item_write_unless (const NhsJsonItem *item,
                                             GString           *out,
                                             const gint        *stop);
/* The shortest text that reads back as value (as Python's repr has it:
 * "8.8", "10.0", "1e-05"); value must be finite */
void             nhs_json_append_double     (GString     *out,
                                             double       value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhsJsonItem, nhs_json_item_free)

G_END_DECLS
