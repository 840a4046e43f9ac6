/* nhs-json-reader.h: a strict, streaming JSON reader for the dataset loader
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader's only parser. It reads strict JSON (RFC 8259) and nothing
 * else: no comments, no single quotes, no numbers such as 01, 1. or +1, no
 * key twice in one object, no lone surrogates or \u0000, nothing after the
 * top-level value. What it refuses it names in plain words, with the offset
 * in the text where it stopped.
 *
 * It never builds the whole tree: a first pass checks the whole text and
 * keeps the top-level object; the elements of each array at the top level
 * are then read one at a time, each into scratch memory that the next one
 * reuses. So a large file costs its own size and the objects made from it.
 */
#pragma once

#include <glib.h>

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

typedef enum {
  NHS_JSON_ERROR_EMPTY,       /* nothing but blanks */
  NHS_JSON_ERROR_SYNTAX,      /* not JSON */
  NHS_JSON_ERROR_ENCODING,    /* not UTF-8, or a character text may not hold */
  NHS_JSON_ERROR_DEPTH,       /* nested deeper than allowed */
  NHS_JSON_ERROR_NUMBER,      /* a whole number beyond 64 bits */
  NHS_JSON_ERROR_DUPLICATE,   /* a key twice in one object */
  NHS_JSON_ERROR_STOPPED,     /* the progress function said stop */
} NhsJsonErrorKind;

typedef struct
{
  NhsJsonErrorKind kind;
  gsize offset;               /* in the text, where the reader stopped */
  char *path;                 /* of the value there, as "$.events[3]"; for DUPLICATE only */
  char *message;              /* plain words, without file or position */
} NhsJsonError;

typedef struct _NhsJsonNode   NhsJsonNode;
typedef struct _NhsJsonMember NhsJsonMember;
typedef struct _NhsJsonDoc    NhsJsonDoc;

struct _NhsJsonNode
{
  guint8 type;                /* NhsJsonType */
  guint8 lazy;                /* an array read with NhsJsonIter only */
  guint32 n;                  /* array elements, object members, string bytes */
  guint32 offset;             /* of the value in the text (texts are < 4 GB) */
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

/* The first pass. NULL, with *error filled in, when the text is not strict
 * JSON nested at most max_depth deep, or when progress returns FALSE. A
 * root that is not an object is checked but not kept: only its type. The
 * text (less than 4 GB) must outlive the document. */
NhsJsonDoc        *nhs_json_doc_new        (const char          *text,
                                            gsize                len,
                                            guint                max_depth,
                                            NhsJsonProgressFunc  progress,
                                            gpointer             progress_data,
                                            NhsJsonError        *error);
void               nhs_json_doc_free       (NhsJsonDoc          *doc);
const NhsJsonNode *nhs_json_doc_get_root   (NhsJsonDoc          *doc);
void               nhs_json_error_clear    (NhsJsonError        *error);

/* The member, NULL when absent */
const NhsJsonNode *nhs_json_object_get     (const NhsJsonNode   *object,
                                            const char          *key);

/* Reads any array, lazy or not, element by element. What next returns (and
 * everything inside it) stays valid until the next call for a lazy array. */
void               nhs_json_iter_init      (NhsJsonIter         *iter,
                                            NhsJsonDoc          *doc,
                                            const NhsJsonNode   *array);
const NhsJsonNode *nhs_json_iter_next      (NhsJsonIter         *iter);

/* Line and column (1-based, the column in characters) of a byte offset */
void               nhs_json_offset_to_line_column (const char   *text,
                                                   gsize         offset,
                                                   int          *line,
                                                   int          *column);

/* At most max_chars characters of the UTF-8 text s (len bytes, or -1: up to
 * its NUL), then "…" if there was more: how messages quote a bad value */
char              *nhs_json_excerpt        (const char          *s,
                                            gssize               len,
                                            gsize                max_chars);
#define NHS_JSON_EXCERPT_CHARS 40

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhsJsonDoc, nhs_json_doc_free)

G_END_DECLS
