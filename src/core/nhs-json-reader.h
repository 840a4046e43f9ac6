/* nhs-json-reader.h: a strict, streaming JSON reader for the dataset loader
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader's fast path. It reads strict JSON (RFC 8259) only, and gives
 * the same values json-glib 1.6 gives for it; for anything else (json-glib's
 * extensions, a syntax error, a lone surrogate, an integer beyond 18 digits)
 * it gives up, and the loader asks json-glib instead, whose answer (a value
 * or an error message) then stands exactly as before.
 *
 * It never builds the whole tree: a first pass checks the whole text and
 * keeps the top-level object; the elements of each array at the top level
 * are then read one at a time, each into scratch memory that the next one
 * reuses. So a large file costs its own size and the objects made from it.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  NHS_JSON_NULL,
  NHS_JSON_BOOLEAN,
  NHS_JSON_INT,
  NHS_JSON_DOUBLE,
  NHS_JSON_STRING,
  NHS_JSON_ARRAY,
  NHS_JSON_OBJECT,
} NhsJsonType;

typedef struct _NhsJsonNode   NhsJsonNode;
typedef struct _NhsJsonMember NhsJsonMember;
typedef struct _NhsJsonDoc    NhsJsonDoc;

struct _NhsJsonNode
{
  guint8 type;                /* NhsJsonType */
  guint8 lazy;                /* an array read with NhsJsonIter only */
  guint32 n;                  /* array elements, object members, string bytes */
  union {
    gboolean boolean;
    gint64 integer;
    double number;
    const char *string;       /* NUL-terminated */
    NhsJsonNode *items;
    NhsJsonMember *members;
    gsize offset;             /* of a lazy array's "[" in the text */
  } v;
};

struct _NhsJsonMember
{
  const char *key;
  NhsJsonNode value;
};

typedef struct
{
  NhsJsonDoc *doc;
  const NhsJsonNode *array;
  guint index;
  gsize pos;
} NhsJsonIter;

/* Called now and then in the first pass with the share of the text read */
typedef gboolean (*NhsJsonProgressFunc) (double   fraction,
                                         gpointer user_data);

/* The first pass. NULL when the text is not strict JSON with an object at
 * the top, nested at most max_depth deep, or when progress returns FALSE.
 * The text must outlive the document. */
NhsJsonDoc        *nhs_json_doc_new_strict (const char          *text,
                                            gsize                len,
                                            guint                max_depth,
                                            NhsJsonProgressFunc  progress,
                                            gpointer             progress_data);
/* A document holding a copy of json-glib's tree (any root) */
NhsJsonDoc        *nhs_json_doc_new_from_json_node (JsonNode *root);
void               nhs_json_doc_free       (NhsJsonDoc          *doc);
gboolean           nhs_json_doc_is_from_json_glib (NhsJsonDoc   *doc);
const NhsJsonNode *nhs_json_doc_get_root   (NhsJsonDoc          *doc);

/* The member, NULL when absent; with a key given twice, the last (as
 * json-glib keeps it) */
const NhsJsonNode *nhs_json_object_get     (const NhsJsonNode   *object,
                                            const char          *key);

/* Reads any array, lazy or not, element by element. What next returns (and
 * everything inside it) stays valid until the next call for a lazy array. */
void               nhs_json_iter_init      (NhsJsonIter         *iter,
                                            NhsJsonDoc          *doc,
                                            const NhsJsonNode   *array);
const NhsJsonNode *nhs_json_iter_next      (NhsJsonIter         *iter);

/* The value of the four hexadecimal digits at p (as after "\\u"), or -1;
 * reads at most four bytes, stopping at the first that is not a digit */
int                nhs_json_hex4           (const char          *p);

/* Whether the bytes are UTF-8 as g_utf8_validate has it, NUL bytes
 * allowed (a block of NUL-terminated strings), fast where they are ASCII */
gboolean           nhs_json_utf8_validate  (const char          *text,
                                            gsize                len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhsJsonDoc, nhs_json_doc_free)

G_END_DECLS
