/* nhs-json-tree.c: an editable JSON tree that writes back what it read
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib cannot serve here: its generator writes 8.8 as
 * 8.8000000000000007 and its layout is not the dataset's. The layout
 * written is the one Python's json.dumps (indent=2, ensure_ascii=False)
 * gives, which is what the bundled dataset and most hand-kept files use.
 */
#define G_LOG_DOMAIN "nhs-json-tree"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nhs-json-tree.h"

typedef struct
{
  char *key;
  NhsJsonItem *value;
} Member;

struct _NhsJsonItem
{
  NhsJsonItemType type;
  guint n;
  guint alloc;
  union {
    char *text;               /* a string, or a number as written */
    NhsJsonItem **items;
    Member *members;
  } v;
};

/* Items {{{ */

static NhsJsonItem *
item_new (NhsJsonItemType type)
{
  NhsJsonItem *item = g_new0 (NhsJsonItem, 1);

  item->type = type;
  return item;
}

NhsJsonItem *
nhs_json_item_new_null (void)
{
  return item_new (NHS_JSON_ITEM_NULL);
}

NhsJsonItem *
nhs_json_item_new_boolean (gboolean value)
{
  return item_new (value ? NHS_JSON_ITEM_TRUE : NHS_JSON_ITEM_FALSE);
}

NhsJsonItem *
nhs_json_item_new_string (const char *text)
{
  NhsJsonItem *item = item_new (NHS_JSON_ITEM_STRING);

  g_return_val_if_fail (text != NULL, item);
  item->v.text = g_strdup (text);
  return item;
}

NhsJsonItem *
nhs_json_item_new_int (gint64 value)
{
  NhsJsonItem *item = item_new (NHS_JSON_ITEM_NUMBER);

  item->v.text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return item;
}

NhsJsonItem *
nhs_json_item_new_double (double value)
{
  NhsJsonItem *item;
  GString *s;

  if (!isfinite (value))
    return NULL;
  s = g_string_new (NULL);
  nhs_json_append_double (s, value);
  item = item_new (NHS_JSON_ITEM_NUMBER);
  item->v.text = g_string_free (s, FALSE);
  return item;
}

NhsJsonItem *
nhs_json_item_new_array (void)
{
  return item_new (NHS_JSON_ITEM_ARRAY);
}

NhsJsonItem *
nhs_json_item_new_object (void)
{
  return item_new (NHS_JSON_ITEM_OBJECT);
}

NhsJsonItem *
nhs_json_item_new_strv (const char * const *strv)
{
  NhsJsonItem *array = nhs_json_item_new_array ();

  for (guint i = 0; strv && strv[i]; i++)
    nhs_json_array_insert (array, array->n, nhs_json_item_new_string (strv[i]));
  return array;
}

void
nhs_json_item_free (NhsJsonItem *item)
{
  if (item == NULL)
    return;
  switch (item->type)
    {
    case NHS_JSON_ITEM_STRING:
    case NHS_JSON_ITEM_NUMBER:
      g_free (item->v.text);
      break;
    case NHS_JSON_ITEM_ARRAY:
      for (guint i = 0; i < item->n; i++)
        nhs_json_item_free (item->v.items[i]);
      g_free (item->v.items);
      break;
    case NHS_JSON_ITEM_OBJECT:
      for (guint i = 0; i < item->n; i++)
        {
          g_free (item->v.members[i].key);
          nhs_json_item_free (item->v.members[i].value);
        }
      g_free (item->v.members);
      break;
    default:
      break;
    }
  g_free (item);
}

NhsJsonItem *
nhs_json_item_copy (const NhsJsonItem *item)
{
  NhsJsonItem *copy;

  if (item == NULL)
    return NULL;
  copy = item_new (item->type);
  switch (item->type)
    {
    case NHS_JSON_ITEM_STRING:
    case NHS_JSON_ITEM_NUMBER:
      copy->v.text = g_strdup (item->v.text);
      break;
    case NHS_JSON_ITEM_ARRAY:
      copy->n = copy->alloc = item->n;
      copy->v.items = g_new (NhsJsonItem *, MAX (item->n, 1));
      for (guint i = 0; i < item->n; i++)
        copy->v.items[i] = nhs_json_item_copy (item->v.items[i]);
      break;
    case NHS_JSON_ITEM_OBJECT:
      copy->n = copy->alloc = item->n;
      copy->v.members = g_new (Member, MAX (item->n, 1));
      for (guint i = 0; i < item->n; i++)
        {
          copy->v.members[i].key = g_strdup (item->v.members[i].key);
          copy->v.members[i].value = nhs_json_item_copy (item->v.members[i].value);
        }
      break;
    default:
      break;
    }
  return copy;
}

gboolean
nhs_json_item_equal (const NhsJsonItem *a,
                     const NhsJsonItem *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->type != b->type)
    return FALSE;
  switch (a->type)
    {
    case NHS_JSON_ITEM_STRING:
    case NHS_JSON_ITEM_NUMBER:
      return strcmp (a->v.text, b->v.text) == 0;
    case NHS_JSON_ITEM_ARRAY:
      if (a->n != b->n)
        return FALSE;
      for (guint i = 0; i < a->n; i++)
        if (!nhs_json_item_equal (a->v.items[i], b->v.items[i]))
          return FALSE;
      return TRUE;
    case NHS_JSON_ITEM_OBJECT:
      if (a->n != b->n)
        return FALSE;
      for (guint i = 0; i < a->n; i++)
        if (strcmp (a->v.members[i].key, b->v.members[i].key) != 0 ||
            !nhs_json_item_equal (a->v.members[i].value, b->v.members[i].value))
          return FALSE;
      return TRUE;
    default:
      return TRUE;
    }
}

NhsJsonItemType
nhs_json_item_get_item_type (const NhsJsonItem *item)
{
  return item->type;
}

const char *
nhs_json_item_get_string (const NhsJsonItem *item)
{
  return item != NULL && item->type == NHS_JSON_ITEM_STRING ? item->v.text : NULL;
}

const char *
nhs_json_item_get_number_text (const NhsJsonItem *item)
{
  return item != NULL && item->type == NHS_JSON_ITEM_NUMBER ? item->v.text : NULL;
}

double
nhs_json_item_get_double (const NhsJsonItem *item)
{
  return item != NULL && item->type == NHS_JSON_ITEM_NUMBER ? g_ascii_strtod (item->v.text, NULL) : 0;
}

guint
nhs_json_item_get_length (const NhsJsonItem *item)
{
  return item->type == NHS_JSON_ITEM_ARRAY || item->type == NHS_JSON_ITEM_OBJECT ? item->n : 0;
}

/* Levels of nesting: 1 for a value that holds none */
guint
nhs_json_item_get_depth (const NhsJsonItem *item)
{
  guint deepest = 0;

  /* not MAX (deepest, nhs_json_item_get_depth (…)): the macro evaluates
   * the call twice, twice again at each level below, which is 2^depth
   * calls wherever the compiler does not see the function is pure */
  for (guint i = 0; i < nhs_json_item_get_length (item); i++)
    {
      guint depth = nhs_json_item_get_depth (item->type == NHS_JSON_ITEM_ARRAY ? item->v.items[i]
                                                                                : item->v.members[i].value);
      if (depth > deepest)
        deepest = depth;
    }
  return deepest + 1;
}

/* }}} */
/* Arrays and objects {{{ */

static void
grow (NhsJsonItem *item,
      gsize        size)
{
  if (item->n < item->alloc)
    return;
  item->alloc = MAX (4, item->alloc * 2);
  if (item->type == NHS_JSON_ITEM_ARRAY)
    item->v.items = g_realloc_n (item->v.items, item->alloc, size);
  else
    item->v.members = g_realloc_n (item->v.members, item->alloc, size);
}

NhsJsonItem *
nhs_json_array_get (const NhsJsonItem *array,
                    guint              index)
{
  g_return_val_if_fail (array->type == NHS_JSON_ITEM_ARRAY, NULL);
  return index < array->n ? array->v.items[index] : NULL;
}

void
nhs_json_array_insert (NhsJsonItem *array,
                       guint        index,
                       NhsJsonItem *item)
{
  g_return_if_fail (array->type == NHS_JSON_ITEM_ARRAY);
  g_return_if_fail (index <= array->n);

  grow (array, sizeof (NhsJsonItem *));
  memmove (&array->v.items[index + 1], &array->v.items[index],
           (array->n - index) * sizeof (NhsJsonItem *));
  array->v.items[index] = item;
  array->n++;
}

NhsJsonItem *
nhs_json_array_steal (NhsJsonItem *array,
                      guint        index)
{
  NhsJsonItem *item;

  g_return_val_if_fail (array->type == NHS_JSON_ITEM_ARRAY, NULL);
  g_return_val_if_fail (index < array->n, NULL);

  item = array->v.items[index];
  memmove (&array->v.items[index], &array->v.items[index + 1],
           (array->n - index - 1) * sizeof (NhsJsonItem *));
  array->n--;
  return item;
}

int
nhs_json_array_find (const NhsJsonItem *array,
                     const NhsJsonItem *item)
{
  g_return_val_if_fail (array->type == NHS_JSON_ITEM_ARRAY, -1);

  for (guint i = 0; i < array->n; i++)
    if (array->v.items[i] == item)
      return (int) i;
  return -1;
}

static int
member_index (const NhsJsonItem *object,
              const char        *key)
{
  /* the last, as the loader reads a key given twice; the parser keeps only
   * one, but an object made by hand may not */
  for (guint i = object->n; i-- > 0;)
    if (strcmp (object->v.members[i].key, key) == 0)
      return (int) i;
  return -1;
}

NhsJsonItem *
nhs_json_object_get_member (const NhsJsonItem *object,
                            const char        *key)
{
  int i;

  g_return_val_if_fail (object->type == NHS_JSON_ITEM_OBJECT, NULL);
  i = member_index (object, key);
  return i >= 0 ? object->v.members[i].value : NULL;
}

const char *
nhs_json_object_get_member_string (const NhsJsonItem *object,
                                   const char        *key)
{
  return nhs_json_item_get_string (nhs_json_object_get_member (object, key));
}

const char *
nhs_json_object_get_key (const NhsJsonItem *object,
                         guint              index)
{
  g_return_val_if_fail (object->type == NHS_JSON_ITEM_OBJECT && index < object->n, NULL);
  return object->v.members[index].key;
}

NhsJsonItem *
nhs_json_object_get_value (const NhsJsonItem *object,
                           guint              index)
{
  g_return_val_if_fail (object->type == NHS_JSON_ITEM_OBJECT && index < object->n, NULL);
  return object->v.members[index].value;
}

static int
order_of (const char * const *order,
          const char         *key)
{
  for (int i = 0; order && order[i]; i++)
    if (strcmp (order[i], key) == 0)
      return i;
  return -1;
}

NhsJsonItem *
nhs_json_object_replace (NhsJsonItem        *object,
                         const char         *key,
                         NhsJsonItem        *value,
                         const char * const *order)
{
  int i, rank;
  guint at;

  g_return_val_if_fail (object->type == NHS_JSON_ITEM_OBJECT, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  i = member_index (object, key);
  if (i >= 0)
    {
      NhsJsonItem *old = object->v.members[i].value;
      object->v.members[i].value = value;
      return old;
    }

  at = object->n;
  rank = order_of (order, key);
  if (rank >= 0)
    for (guint j = 0; j < object->n; j++)
      {
        int r = order_of (order, object->v.members[j].key);
        if (r > rank)
          {
            at = j;
            break;
          }
      }
  nhs_json_object_insert (object, at, key, value);
  return NULL;
}

void
nhs_json_object_insert (NhsJsonItem *object,
                        guint        at,
                        const char  *key,
                        NhsJsonItem *value)
{
  g_return_if_fail (object->type == NHS_JSON_ITEM_OBJECT);
  g_return_if_fail (at <= object->n);

  grow (object, sizeof (Member));
  memmove (&object->v.members[at + 1], &object->v.members[at], (object->n - at) * sizeof (Member));
  object->v.members[at].key = g_strdup (key);
  object->v.members[at].value = value;
  object->n++;
}

NhsJsonItem *
nhs_json_object_steal (NhsJsonItem *object,
                       const char  *key,
                       guint       *index)
{
  NhsJsonItem *value;
  int i;

  g_return_val_if_fail (object->type == NHS_JSON_ITEM_OBJECT, NULL);
  i = member_index (object, key);
  if (i < 0)
    return NULL;
  value = object->v.members[i].value;
  if (index != NULL)
    *index = i;
  g_free (object->v.members[i].key);
  memmove (&object->v.members[i], &object->v.members[i + 1], (object->n - i - 1) * sizeof (Member));
  object->n--;
  return value;
}

/* }}} */
/* Parsing {{{ */

typedef struct
{
  const char *p;
  const char *end;
  const char *start;
  guint max_depth;
  GError **error;
  GString *scratch;
} Parser;

G_GNUC_PRINTF (2, 3)
static NhsJsonItem *
parse_fail (Parser     *P,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (P->error && *P->error)
    return NULL;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (P->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: a byte offset in a file, then what is wrong there */
               _("at byte %lu: %s"), (unsigned long) (P->p - P->start), message);
  return NULL;
}

static void
skip_space (Parser *P)
{
  while (P->p < P->end && (*P->p == ' ' || *P->p == '\t' || *P->p == '\n' || *P->p == '\r'))
    P->p++;
}

static int
hex4 (const char *p,
      const char *end)
{
  int v = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static char *
parse_string (Parser *P)
{
  GString *s = P->scratch;

  g_string_set_size (s, 0);
  P->p++;                                   /* the opening quote */
  for (;;)
    {
      const char *run = P->p;

      while (P->p < P->end && *P->p != '"' && *P->p != '\\' && (guchar) *P->p >= 0x20)
        P->p++;
      g_string_append_len (s, run, P->p - run);
      if (P->p >= P->end)
        return (parse_fail (P, _("a string does not end")), NULL);
      if (*P->p == '"')
        {
          P->p++;
          break;
        }
      if ((guchar) *P->p < 0x20)
        return (parse_fail (P, _("a control character inside a string")), NULL);

      /* an escape */
      P->p++;
      if (P->p >= P->end)
        return (parse_fail (P, _("a string does not end")), NULL);
      switch (*P->p)
        {
        case '"': g_string_append_c (s, '"'); break;
        case '\\': g_string_append_c (s, '\\'); break;
        case '/': g_string_append_c (s, '/'); break;
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          {
            int c = hex4 (P->p + 1, P->end);

            if (c < 0)
              return (parse_fail (P, _("a bad \\u escape")), NULL);
            P->p += 4;
            if (c >= 0xD800 && c < 0xDC00)
              {
                int low = P->end - P->p > 2 && P->p[1] == '\\' && P->p[2] == 'u'
                          ? hex4 (P->p + 3, P->end) : -1;
                if (low < 0xDC00 || low >= 0xE000)
                  return (parse_fail (P, _("a lone surrogate in a \\u escape")), NULL);
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                P->p += 6;
              }
            else if (c >= 0xDC00 && c < 0xE000)
              return (parse_fail (P, _("a lone surrogate in a \\u escape")), NULL);
            if (c == 0)
              return (parse_fail (P, _("a NUL character in a string")), NULL);
            g_string_append_unichar (s, c);
          }
          break;
        default:
          return (parse_fail (P, _("an unknown escape in a string")), NULL);
        }
      P->p++;
    }
  return g_strndup (s->str, s->len);
}

static NhsJsonItem *
parse_number (Parser *P)
{
  const char *start = P->p;
  NhsJsonItem *item;

  if (P->p < P->end && *P->p == '-')
    P->p++;
  if (P->p < P->end && *P->p == '0')
    P->p++;
  else if (P->p < P->end && g_ascii_isdigit (*P->p))
    while (P->p < P->end && g_ascii_isdigit (*P->p))
      P->p++;
  else
    return parse_fail (P, _("a bad number"));
  if (P->p < P->end && *P->p == '.')
    {
      P->p++;
      if (P->p >= P->end || !g_ascii_isdigit (*P->p))
        return parse_fail (P, _("a bad number"));
      while (P->p < P->end && g_ascii_isdigit (*P->p))
        P->p++;
    }
  if (P->p < P->end && (*P->p == 'e' || *P->p == 'E'))
    {
      P->p++;
      if (P->p < P->end && (*P->p == '+' || *P->p == '-'))
        P->p++;
      if (P->p >= P->end || !g_ascii_isdigit (*P->p))
        return parse_fail (P, _("a bad number"));
      while (P->p < P->end && g_ascii_isdigit (*P->p))
        P->p++;
    }
  item = item_new (NHS_JSON_ITEM_NUMBER);
  item->v.text = g_strndup (start, P->p - start);
  return item;
}

static gboolean
literal (Parser     *P,
         const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (P->end - P->p) < len || memcmp (P->p, word, len) != 0)
    return FALSE;
  P->p += len;
  return TRUE;
}

static NhsJsonItem *parse_value (Parser *P, guint depth);

static NhsJsonItem *
parse_object (Parser *P,
              guint   depth)
{
  g_autoptr(NhsJsonItem) object = item_new (NHS_JSON_ITEM_OBJECT);
  g_autoptr(GHashTable) keys = NULL;

  P->p++;
  skip_space (P);
  if (P->p < P->end && *P->p == '}')
    {
      P->p++;
      return g_steal_pointer (&object);
    }
  for (;;)
    {
      g_autofree char *key = NULL;
      NhsJsonItem *value;
      int at = -1;

      skip_space (P);
      if (P->p >= P->end || *P->p != '"')
        return parse_fail (P, _("expected a key in quotes"));
      if ((key = parse_string (P)) == NULL)
        return NULL;
      skip_space (P);
      if (P->p >= P->end || *P->p != ':')
        return parse_fail (P, _("expected “:” after a key"));
      P->p++;
      if ((value = parse_value (P, depth + 1)) == NULL)
        return NULL;

      /* a key given twice: first place, last value. A set finds repeats
       * in a large object, where scanning for each key would be quadratic. */
      if (object->n == 32 && keys == NULL)
        {
          keys = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < object->n; i++)
            g_hash_table_insert (keys, object->v.members[i].key, GUINT_TO_POINTER (i + 1));
        }
      if (keys != NULL)
        at = GPOINTER_TO_UINT (g_hash_table_lookup (keys, key)) - 1;
      else
        for (guint i = 0; i < object->n; i++)
          if (strcmp (object->v.members[i].key, key) == 0)
            at = (int) i;
      if (at >= 0)
        {
          nhs_json_item_free (object->v.members[at].value);
          object->v.members[at].value = value;
        }
      else
        {
          grow (object, sizeof (Member));
          object->v.members[object->n].key = g_steal_pointer (&key);
          object->v.members[object->n].value = value;
          if (keys != NULL)
            g_hash_table_insert (keys, object->v.members[object->n].key, GUINT_TO_POINTER (object->n + 1));
          object->n++;
        }

      skip_space (P);
      if (P->p < P->end && *P->p == ',')
        {
          P->p++;
          continue;
        }
      if (P->p < P->end && *P->p == '}')
        {
          P->p++;
          return g_steal_pointer (&object);
        }
      return parse_fail (P, _("expected “,” or “}” in an object"));
    }
}

static NhsJsonItem *
parse_array (Parser *P,
             guint   depth)
{
  g_autoptr(NhsJsonItem) array = item_new (NHS_JSON_ITEM_ARRAY);

  P->p++;
  skip_space (P);
  if (P->p < P->end && *P->p == ']')
    {
      P->p++;
      return g_steal_pointer (&array);
    }
  for (;;)
    {
      NhsJsonItem *value = parse_value (P, depth + 1);

      if (value == NULL)
        return NULL;
      grow (array, sizeof (NhsJsonItem *));
      array->v.items[array->n++] = value;
      skip_space (P);
      if (P->p < P->end && *P->p == ',')
        {
          P->p++;
          continue;
        }
      if (P->p < P->end && *P->p == ']')
        {
          P->p++;
          return g_steal_pointer (&array);
        }
      return parse_fail (P, _("expected “,” or “]” in an array"));
    }
}

static NhsJsonItem *
parse_value (Parser *P,
             guint   depth)
{
  skip_space (P);
  if (P->p >= P->end)
    return parse_fail (P, _("the text ends where a value should be"));
  if (depth > P->max_depth)
    return parse_fail (P, _("nested more than %u levels deep"), P->max_depth);

  switch (*P->p)
    {
    case '{':
      return parse_object (P, depth);
    case '[':
      return parse_array (P, depth);
    case '"':
      {
        char *text = parse_string (P);
        NhsJsonItem *item;

        if (text == NULL)
          return NULL;
        item = item_new (NHS_JSON_ITEM_STRING);
        item->v.text = text;
        return item;
      }
    case 't':
      if (literal (P, "true"))
        return item_new (NHS_JSON_ITEM_TRUE);
      break;
    case 'f':
      if (literal (P, "false"))
        return item_new (NHS_JSON_ITEM_FALSE);
      break;
    case 'n':
      if (literal (P, "null"))
        return item_new (NHS_JSON_ITEM_NULL);
      break;
    default:
      if (*P->p == '-' || g_ascii_isdigit (*P->p))
        return parse_number (P);
      break;
    }
  return parse_fail (P, _("unexpected text where a value should be"));
}

NhsJsonItem *
nhs_json_item_parse (const char *text,
                     gsize       len,
                     guint       max_depth,
                     GError    **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(NhsJsonItem) root = NULL;
  Parser P = { text, text + len, text, max_depth, error, scratch };

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the text is not UTF-8"));
      return NULL;
    }
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    P.p += 3;
  skip_space (&P);
  if (P.p >= P.end || (*P.p != '{' && *P.p != '['))
    return parse_fail (&P, _("expected an object or an array at the top"));
  if ((root = parse_value (&P, 1)) == NULL)
    return NULL;
  skip_space (&P);
  if (P.p != P.end)
    return parse_fail (&P, _("more text after the end of the JSON value"));
  return g_steal_pointer (&root);
}

/* }}} */
/* json-glib {{{ */

NhsJsonItem *
nhs_json_item_from_json_node (JsonNode *node)
{
  NhsJsonItem *item;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        item = nhs_json_item_new_object ();
        for (GList *l = members; l; l = l->next)
          nhs_json_object_replace (item, l->data,
                                   nhs_json_item_from_json_node (json_object_get_member (object, l->data)),
                                   NULL);
        return item;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        item = nhs_json_item_new_array ();
        for (guint i = 0; i < n; i++)
          nhs_json_array_insert (item, i, nhs_json_item_from_json_node (json_array_get_element (array, i)));
        return item;
      }
    case JSON_NODE_NULL:
      return nhs_json_item_new_null ();
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          return nhs_json_item_new_boolean (json_node_get_boolean (node));
        case G_TYPE_INT64:
          return nhs_json_item_new_int (json_node_get_int (node));
        case G_TYPE_DOUBLE:
          {
            double d = json_node_get_double (node);
            return isfinite (d) ? nhs_json_item_new_double (d) : nhs_json_item_new_null ();
          }
        case G_TYPE_STRING:
          return nhs_json_item_new_string (json_node_get_string (node));
        default:
          return nhs_json_item_new_null ();
        }
    }
}

static gboolean
number_is_integer (const char *text)
{
  return strpbrk (text, ".eE") == NULL;
}

JsonNode *
nhs_json_item_to_json_node (const NhsJsonItem *item)
{
  JsonNode *node;

  switch (item->type)
    {
    case NHS_JSON_ITEM_NULL:
      return json_node_new (JSON_NODE_NULL);
    case NHS_JSON_ITEM_TRUE:
    case NHS_JSON_ITEM_FALSE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, item->type == NHS_JSON_ITEM_TRUE);
      return node;
    case NHS_JSON_ITEM_NUMBER:
      node = json_node_new (JSON_NODE_VALUE);
      if (number_is_integer (item->v.text) && strlen (item->v.text) <= 18)
        json_node_set_int (node, g_ascii_strtoll (item->v.text, NULL, 10));
      else
        json_node_set_double (node, g_ascii_strtod (item->v.text, NULL));
      return node;
    case NHS_JSON_ITEM_STRING:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, item->v.text);
      return node;
    case NHS_JSON_ITEM_ARRAY:
      {
        JsonArray *array = json_array_sized_new (item->n);

        for (guint i = 0; i < item->n; i++)
          json_array_add_element (array, nhs_json_item_to_json_node (item->v.items[i]));
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }
    case NHS_JSON_ITEM_OBJECT:
    default:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < item->n; i++)
          json_object_set_member (object, item->v.members[i].key,
                                  nhs_json_item_to_json_node (item->v.members[i].value));
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }
    }
}

/* }}} */
/* Writing {{{ */

void
nhs_json_append_double (GString *out,
                        double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char digits[24];
  const char *e;
  int n_digits = 0, exp10, decpt;

  g_return_if_fail (isfinite (value));

  if (value == 0)
    {
      g_string_append (out, signbit (value) ? "-0.0" : "0.0");
      return;
    }
  if (value < 0)
    {
      g_string_append_c (out, '-');
      value = -value;
    }

  /* the fewest significant digits that read back as the same double */
  for (int precision = 0; precision < 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  for (const char *p = buf; *p && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits[n_digits++] = *p;
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;
  digits[n_digits] = '\0';
  e = strchr (buf, 'e');
  exp10 = (int) g_ascii_strtoll (e + 1, NULL, 10);
  decpt = exp10 + 1;

  /* Python's float repr: plain notation from 1e-4 up to below 1e16 */
  if (decpt > -4 && decpt <= 16)
    {
      if (decpt <= 0)
        {
          g_string_append (out, "0.");
          for (int i = decpt; i < 0; i++)
            g_string_append_c (out, '0');
          g_string_append (out, digits);
        }
      else if (decpt < n_digits)
        {
          g_string_append_len (out, digits, decpt);
          g_string_append_c (out, '.');
          g_string_append (out, digits + decpt);
        }
      else
        {
          g_string_append (out, digits);
          for (int i = n_digits; i < decpt; i++)
            g_string_append_c (out, '0');
          g_string_append (out, ".0");
        }
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%02d", exp10 < 0 ? '-' : '+', ABS (exp10));
    }
}

/* The writer appends to the GString's buffer itself: a save writes tens of
 * megabytes in pieces of a few bytes, and g_string_append_len() is a call
 * (with its checks) for each */
static void
reserve_slow (GString *out,
              gsize    n)
{
  gsize len = out->len;

  g_string_set_size (out, len + n);
  out->len = len;
}

static inline void
put (GString    *out,
     const char *s,
     gsize       n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    reserve_slow (out, n);
  memcpy (out->str + out->len, s, n);
  out->len += n;
}

static inline void
put_c (GString *out,
       char     c)
{
  if (G_UNLIKELY (out->len + 1 >= out->allocated_len))
    reserve_slow (out, 1);
  out->str[out->len++] = c;
}

#define PUT_LITERAL(out, s) put ((out), (s), sizeof (s) - 1)

/* The text of a number that is written as it was read: a decimal of at
 * most 15 significant digits (so that no two such decimals are the same
 * double, and none shorter is either), with no exponent, no trailing zero
 * but in "x.0", and within the range Python writes without an exponent.
 * nhs_json_append_double() would find these same digits after trying
 * each precision in turn; the test of the writer compares the two. */
static gboolean
number_is_canonical (const char *text)
{
  const char *p = text, *int_start, *frac_start, *end;
  gsize int_len, frac_len, leading_zeros = 0, significant;

  if (*p == '-')
    p++;
  int_start = p;
  while (g_ascii_isdigit (*p))
    p++;
  int_len = p - int_start;
  if (int_len == 0 || *p != '.')
    return FALSE;
  frac_start = ++p;
  while (g_ascii_isdigit (*p))
    p++;
  end = p;
  frac_len = end - frac_start;
  if (*end != '\0' || frac_len == 0)
    return FALSE;
  if (frac_len > 1 && end[-1] == '0')
    return FALSE;
  if (int_len == 1 && *int_start == '0')
    {
      /* 0.000123 is written 0.000123, 0.0000123 as 1.23e-05 */
      while (leading_zeros < frac_len && frac_start[leading_zeros] == '0')
        leading_zeros++;
      if (leading_zeros == frac_len)
        return frac_len == 1;               /* 0.0 */
      if (leading_zeros > 3)
        return FALSE;
      significant = frac_len - leading_zeros;
    }
  else
    significant = int_len + (frac_len == 1 && *frac_start == '0' ? 0 : frac_len);
  return significant <= 15 && int_len <= 15;
}

static void
write_number (GString    *out,
              const char *text)
{
  if (number_is_integer (text))
    {
      /* as written: JSON allows one spelling of an integer, but "-0" */
      if (strcmp (text, "-0") == 0)
        put_c (out, '0');
      else
        put (out, text, strlen (text));
      return;
    }
  if (number_is_canonical (text))
    {
      put (out, text, strlen (text));
      return;
    }
  {
    double d = g_ascii_strtod (text, NULL);

    if (isfinite (d))
      nhs_json_append_double (out, d);
    else
      /* beyond a double: what any reader would take it for anyway */
      g_string_append (out, text);
  }
}

/* The bytes a string cannot hold as they are: quotes, backslashes and
 * control characters; and NUL, where a string ends */
static const guint8 escaped[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

static void
write_string (GString    *out,
              const char *text)
{
  const char *p = text;

  put_c (out, '"');
  for (;;)
    {
      const char *run = p;

      while (!escaped[(guchar) *p])
        p++;
      put (out, run, p - run);
      switch (*p)
        {
        case '\0': put_c (out, '"'); return;
        case '"': PUT_LITERAL (out, "\\\""); break;
        case '\\': PUT_LITERAL (out, "\\\\"); break;
        case '\n': PUT_LITERAL (out, "\\n"); break;
        case '\r': PUT_LITERAL (out, "\\r"); break;
        case '\t': PUT_LITERAL (out, "\\t"); break;
        case '\b': PUT_LITERAL (out, "\\b"); break;
        case '\f': PUT_LITERAL (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", (guchar) *p); break;
        }
      p++;
    }
}

/* A new line and the indent of a level: one copy, not a piece per level */
static void
indent (GString *out,
        guint    level)
{
  static const char spaces[] = "\n                                                                ";
  gsize n = 1 + 2 * (gsize) level;

  if (G_LIKELY (n <= sizeof spaces - 1))
    {
      put (out, spaces, n);
      return;
    }
  put_c (out, '\n');
  for (guint i = 0; i < level; i++)
    PUT_LITERAL (out, "  ");
}

/* Writes item; when stop is given and set (by another thread), gives up
 * between two elements of an array and returns FALSE */
static gboolean
write_item (const NhsJsonItem *item,
            GString           *out,
            guint              level,
            const gint        *stop)
{
  switch (item->type)
    {
    case NHS_JSON_ITEM_NULL: PUT_LITERAL (out, "null"); break;
    case NHS_JSON_ITEM_TRUE: PUT_LITERAL (out, "true"); break;
    case NHS_JSON_ITEM_FALSE: PUT_LITERAL (out, "false"); break;
    case NHS_JSON_ITEM_NUMBER: write_number (out, item->v.text); break;
    case NHS_JSON_ITEM_STRING: write_string (out, item->v.text); break;
    case NHS_JSON_ITEM_ARRAY:
      if (item->n == 0)
        {
          PUT_LITERAL (out, "[]");
          break;
        }
      put_c (out, '[');
      for (guint i = 0; i < item->n; i++)
        {
          if (stop != NULL && g_atomic_int_get (stop))
            return FALSE;
          if (i > 0)
            put_c (out, ',');
          indent (out, level + 1);
          if (!write_item (item->v.items[i], out, level + 1, stop))
            return FALSE;
        }
      indent (out, level);
      put_c (out, ']');
      break;
    case NHS_JSON_ITEM_OBJECT:
      if (item->n == 0)
        {
          PUT_LITERAL (out, "{}");
          break;
        }
      put_c (out, '{');
      for (guint i = 0; i < item->n; i++)
        {
          if (i > 0)
            put_c (out, ',');
          indent (out, level + 1);
          write_string (out, item->v.members[i].key);
          PUT_LITERAL (out, ": ");
          if (!write_item (item->v.members[i].value, out, level + 1, stop))
            return FALSE;
        }
      indent (out, level);
      put_c (out, '}');
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

void
nhs_json_item_write (const NhsJsonItem *item,
                     GString           *out)
{
  write_item (item, out, 0, NULL);
  put_c (out, '\n');
  out->str[out->len] = '\0';
}

gboolean
nhs_json_item_write_unless (const NhsJsonItem *item,
                            GString           *out,
                            const gint        *stop)
{
  gboolean done = write_item (item, out, 0, stop);

  if (done)
    put_c (out, '\n');
  out->str[out->len] = '\0';
  return done;
}

/* }}} */
