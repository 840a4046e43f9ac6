/* nhs-json-reader.c: a strict, streaming JSON reader for the dataset loader
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recursive-descent reader that checks as it goes and never reads past
 * the end of the text it is given. Depth is bounded before each recursion.
 * Strings are checked for UTF-8 (the rules of g_utf8_validate) while they
 * are scanned, so the whole text is known to be UTF-8 once the first pass
 * succeeds: outside strings, strict JSON is ASCII.
 */
#define G_LOG_DOMAIN "nhs-json-reader"

#include "config.h"

#include <string.h>

#include "nhs-json-reader.h"

/* Arenas {{{ */

/* Nodes and strings live in chunks that are dropped together */
typedef struct _Chunk Chunk;
struct _Chunk
{
  Chunk *next;
  gsize size;
  gsize used;
  gsize padding;              /* keeps the data that follows 16-byte aligned */
};

typedef struct
{
  Chunk *head;
} Arena;

#define CHUNK_SIZE (64 * 1024)

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  Chunk *chunk = arena->head;
  gpointer mem;

  size = (size + 15) & ~(gsize) 15;
  if (chunk == NULL || chunk->size - chunk->used < size)
    {
      gsize chunk_size = MAX (CHUNK_SIZE, size);

      chunk = g_malloc (sizeof (Chunk) + chunk_size);
      chunk->size = chunk_size;
      chunk->used = 0;
      chunk->next = arena->head;
      arena->head = chunk;
    }
  mem = (char *) (chunk + 1) + chunk->used;
  chunk->used += size;
  return mem;
}

/* Keeps the newest chunk for reuse */
static void
arena_reset (Arena *arena)
{
  Chunk *chunk = arena->head;

  if (chunk == NULL)
    return;
  while (chunk->next != NULL)
    {
      Chunk *next = chunk->next->next;
      g_free (chunk->next);
      chunk->next = next;
    }
  chunk->used = 0;
}

static void
arena_clear (Arena *arena)
{
  while (arena->head != NULL)
    {
      Chunk *next = arena->head->next;
      g_free (arena->head);
      arena->head = next;
    }
}

/* }}} */
/* Documents {{{ */

struct _NhsJsonDoc
{
  const guchar *text;
  gsize len;
  guint max_depth;
  Arena keep;                 /* the top level */
  Arena scratch;              /* the element a lazy iterator stands on */
  GArray *nodes;              /* children of the arrays being read */
  GArray *members;            /* members of the objects being read */
  NhsJsonNode root;
  NhsJsonNode element;
};

static NhsJsonDoc *
doc_new (const char *text,
         gsize       len,
         guint       max_depth)
{
  NhsJsonDoc *doc = g_new0 (NhsJsonDoc, 1);

  doc->text = (const guchar *) text;
  doc->len = len;
  doc->max_depth = max_depth;
  doc->nodes = g_array_sized_new (FALSE, FALSE, sizeof (NhsJsonNode), 64);
  doc->members = g_array_sized_new (FALSE, FALSE, sizeof (NhsJsonMember), 64);
  return doc;
}

void
nhs_json_doc_free (NhsJsonDoc *doc)
{
  if (doc == NULL)
    return;
  arena_clear (&doc->keep);
  arena_clear (&doc->scratch);
  g_array_unref (doc->nodes);
  g_array_unref (doc->members);
  g_free (doc);
}

gboolean
nhs_json_doc_is_from_json_glib (NhsJsonDoc *doc)
{
  return doc->text == NULL;
}

const NhsJsonNode *
nhs_json_doc_get_root (NhsJsonDoc *doc)
{
  return &doc->root;
}

/* }}} */
/* The reader {{{ */

typedef struct
{
  NhsJsonDoc *doc;
  const guchar *p;
  const guchar *end;
  Arena *arena;               /* NULL: check only, build nothing */
  guint depth;
} Reader;

/* 0: a plain ASCII character in a string; 1: '"'; 2: '\\'; 3: a control
 * character; 4: the first byte of a multi-byte UTF-8 sequence (or junk) */
static const guint8 string_class[256] = {
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

static inline void
skip_ws (Reader *R)
{
  while (R->p < R->end && (*R->p == ' ' || *R->p == '\n' || *R->p == '\r' || *R->p == '\t'))
    R->p++;
}

static inline gboolean
is_cont (guchar c)
{
  return (c & 0xC0) == 0x80;
}

/* The end of the UTF-8 sequence at p, NULL when it is not one that
 * g_utf8_validate accepts (overlong forms, surrogates, beyond U+10FFFF) */
static const guchar *
utf8_skip (const guchar *p,
           const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xBF;

  if (c >= 0xC2 && c <= 0xDF)
    return end - p >= 2 && is_cont (p[1]) ? p + 2 : NULL;
  if (c >= 0xE0 && c <= 0xEF)
    {
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
      return end - p >= 3 && p[1] >= lo && p[1] <= hi && is_cont (p[2]) ? p + 3 : NULL;
    }
  if (c >= 0xF0 && c <= 0xF4)
    {
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
      return end - p >= 4 && p[1] >= lo && p[1] <= hi && is_cont (p[2]) && is_cont (p[3]) ? p + 4 : NULL;
    }
  return NULL;
}

int
nhs_json_hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* At a backslash: the code point of a \u escape (a surrogate pair joined),
 * or the byte another escape stands for; the escape's length in *len.
 * -1 for what json-glib reads otherwise or refuses: a bad escape, \u0000
 * (json-glib cuts the string there), a lone surrogate. */
static gint32
read_escape (const guchar *p,
             const guchar *end,
             gsize        *len)
{
  int cp, low;

  if (end - p < 2)
    return -1;
  *len = 2;
  switch (p[1])
    {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'u': break;
    default: return -1;
    }
  if (end - p < 6 || (cp = nhs_json_hex4 ((const char *) p + 2)) <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
    return -1;
  *len = 6;
  if (cp < 0xD800 || cp > 0xDBFF)
    return cp;
  if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
      (low = nhs_json_hex4 ((const char *) p + 8)) < 0xDC00 || low > 0xDFFF)
    return -1;
  *len = 12;
  return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
}

/* Whether none of the eight bytes ends a plain run in a string: a quote, a
 * backslash, a control character or a non-ASCII byte. It may answer no for
 * a word that is plain (the byte loop then looks closer), never yes for one
 * that is not. */
static inline gboolean
word_is_plain (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = w ^ (ones * '"');
  guint64 backslash = w ^ (ones * '\\');

  return (((quote - ones) & ~quote) |
          ((backslash - ones) & ~backslash) |
          ((w - ones * 0x20) & ~w) |
          w) & highs ? FALSE : TRUE;
}

/* At the opening quote. With an arena, *out gets the decoded string. */
static gboolean
read_string (Reader      *R,
             const char **out,
             guint32     *out_len)
{
  const guchar *start = ++R->p;
  const guchar *p = start;
  const guchar *end = R->end;
  gboolean escaped = FALSE;
  char *s, *w;

  for (;;)
    {
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          if (!word_is_plain (word))
            break;
          p += 8;
        }
      while (p < end && string_class[*p] == 0)
        p++;
      if (p >= end)
        return FALSE;
      switch (string_class[*p])
        {
        case 1:
          goto closed;
        case 2:
          {
            gsize len;
            if (read_escape (p, end, &len) < 0)
              return FALSE;
            p += len;
            escaped = TRUE;
          }
          break;
        case 3:
          return FALSE;
        default:
          if ((p = utf8_skip (p, end)) == NULL)
            return FALSE;
        }
    }

closed:
  R->p = p + 1;
  if (R->arena == NULL)
    return TRUE;

  s = arena_alloc (R->arena, (gsize) (p - start) + 1);
  if (!escaped)
    {
      memcpy (s, start, p - start);
      w = s + (p - start);
    }
  else
    {
      const guchar *q = start;

      w = s;
      while (q < p)
        {
          if (*q != '\\')
            *w++ = (char) *q++;
          else
            {
              gsize len;
              gint32 cp = read_escape (q, p, &len);

              w += g_unichar_to_utf8 ((gunichar) cp, w);
              q += len;
            }
        }
    }
  *w = '\0';
  *out = s;
  *out_len = (guint32) (w - s);
  return TRUE;
}

static gboolean
read_number (Reader      *R,
             NhsJsonNode *out)
{
  const guchar *start = R->p, *p = start, *end = R->end;
  const guchar *digits;
  gboolean negative = FALSE, integer = TRUE;

  if (*p == '-')
    negative = TRUE, p++;
  digits = p;
  if (p >= end)
    return FALSE;
  if (*p == '0')
    p++;
  else if (*p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;
  if (p < end && *p == '.')
    {
      integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  /* json-glib wraps an integer beyond 64 bits; leave those to it */
  if (integer && p - digits > 18)
    return FALSE;
  R->p = p;
  if (out == NULL)
    return TRUE;

  if (integer)
    {
      gint64 v = 0;
      for (const guchar *d = digits; d < p; d++)
        v = v * 10 + (*d - '0');
      out->type = NHS_JSON_INT;
      out->v.integer = negative ? -v : v;
    }
  else
    {
      /* json-glib reads numbers with g_ascii_strtod too */
      char buf[64];
      gsize len = (gsize) (p - start);
      g_autofree char *big = len < sizeof buf ? NULL : g_strndup ((const char *) start, len);

      if (big == NULL)
        {
          memcpy (buf, start, len);
          buf[len] = '\0';
        }
      out->type = NHS_JSON_DOUBLE;
      out->v.number = g_ascii_strtod (big ? big : buf, NULL);
    }
  return TRUE;
}

static gboolean
read_literal (Reader      *R,
              const char  *word,
              gsize        len)
{
  if ((gsize) (R->end - R->p) < len || memcmp (R->p, word, len) != 0)
    return FALSE;
  R->p += len;
  return TRUE;
}

static gboolean read_value (Reader *R, NhsJsonNode *out);

/* At an opening bracket: steps in; *empty when the closing one follows */
static gboolean
open_container (Reader   *R,
                char      close,
                gboolean *empty)
{
  if (++R->depth > R->doc->max_depth)
    return FALSE;
  R->p++;
  skip_ws (R);
  *empty = R->p < R->end && *R->p == close;
  if (*empty)
    R->p++;
  return TRUE;
}

/* After an element or a member: past the comma, or past the closing
 * bracket with *done set; FALSE at anything else */
static gboolean
next_item (Reader   *R,
           char      close,
           gboolean *done)
{
  char c;

  skip_ws (R);
  if (R->p >= R->end)
    return FALSE;
  c = (char) *R->p++;
  *done = c == close;
  if (*done)
    {
      R->depth--;
      return TRUE;
    }
  if (c != ',')
    return FALSE;
  skip_ws (R);
  return TRUE;
}

/* A member's key and the colon after it, at the key's opening quote */
static gboolean
read_key (Reader      *R,
          const char **key)
{
  guint32 len;

  if (R->p >= R->end || *R->p != '"' || !read_string (R, key, &len))
    return FALSE;
  skip_ws (R);
  if (R->p >= R->end || *R->p++ != ':')
    return FALSE;
  skip_ws (R);
  return TRUE;
}

/* The n items read onto the stack from base, moved into the arena */
static gpointer
take_items (Reader *R,
            GArray *stack,
            guint   base,
            guint32 n)
{
  gsize size = n * (gsize) g_array_get_element_size (stack);
  gpointer items = NULL;

  if (n > 0)
    items = memcpy (arena_alloc (R->arena, size), stack->data + base * g_array_get_element_size (stack), size);
  g_array_set_size (stack, base);
  return items;
}

static gboolean
read_array (Reader      *R,
            NhsJsonNode *out)
{
  guint base = R->doc->nodes->len;
  gboolean done;
  guint32 n = 0;

  if (!open_container (R, ']', &done))
    return FALSE;
  if (done)
    R->depth--;
  while (!done)
    {
      NhsJsonNode child;

      if (!read_value (R, out ? &child : NULL))
        return FALSE;
      if (out)
        g_array_append_val (R->doc->nodes, child);
      n++;
      if (!next_item (R, ']', &done))
        return FALSE;
    }
  if (out)
    {
      out->type = NHS_JSON_ARRAY;
      out->n = n;
      out->v.items = take_items (R, R->doc->nodes, base, n);
    }
  return TRUE;
}

static gboolean
read_object (Reader      *R,
             NhsJsonNode *out)
{
  guint base = R->doc->members->len;
  gboolean done;
  guint32 n = 0;

  if (!open_container (R, '}', &done))
    return FALSE;
  if (done)
    R->depth--;
  while (!done)
    {
      NhsJsonMember member;

      if (!read_key (R, &member.key) || !read_value (R, out ? &member.value : NULL))
        return FALSE;
      if (out)
        g_array_append_val (R->doc->members, member);
      n++;
      if (!next_item (R, '}', &done))
        return FALSE;
    }
  if (out)
    {
      out->type = NHS_JSON_OBJECT;
      out->n = n;
      out->v.members = take_items (R, R->doc->members, base, n);
    }
  return TRUE;
}

/* At the first character of a value; with out NULL, checks only */
static gboolean
read_value (Reader      *R,
            NhsJsonNode *out)
{
  if (R->arena == NULL)
    out = NULL;
  if (out)
    memset (out, 0, sizeof *out);
  if (R->p >= R->end)
    return FALSE;

  switch (*R->p)
    {
    case '{':
      return read_object (R, out);
    case '[':
      return read_array (R, out);
    case '"':
      {
        const char *s = NULL;
        guint32 len = 0;

        if (!read_string (R, &s, &len))
          return FALSE;
        if (out)
          {
            out->type = NHS_JSON_STRING;
            out->n = len;
            out->v.string = s;
          }
        return TRUE;
      }
    case 't':
      if (out)
        out->type = NHS_JSON_BOOLEAN, out->v.boolean = TRUE;
      return read_literal (R, "true", 4);
    case 'f':
      if (out)
        out->type = NHS_JSON_BOOLEAN, out->v.boolean = FALSE;
      return read_literal (R, "false", 5);
    case 'n':
      if (out)
        out->type = NHS_JSON_NULL;
      return read_literal (R, "null", 4);
    default:
      if (*R->p == '-' || g_ascii_isdigit (*R->p))
        return read_number (R, out);
      return FALSE;
    }
}

/* }}} */
/* The first pass {{{ */

#define PROGRESS_STEP (4 << 20)

/* An array at the top level: checked and counted, kept as an offset */
static gboolean
skip_lazy_array (Reader             *R,
                 NhsJsonNode        *out,
                 NhsJsonProgressFunc progress,
                 gpointer            progress_data,
                 const guchar      **next_report)
{
  Arena *arena = R->arena;
  gboolean done, ok = TRUE;

  out->type = NHS_JSON_ARRAY;
  out->lazy = TRUE;
  out->n = 0;
  out->v.offset = (gsize) (R->p - R->doc->text);

  if (!open_container (R, ']', &done))
    return FALSE;
  if (done)
    R->depth--;
  R->arena = NULL;
  while (ok && !done)
    {
      ok = read_value (R, NULL);
      out->n++;
      if (ok && progress && R->p >= *next_report)
        {
          ok = progress ((double) (R->p - R->doc->text) / R->doc->len, progress_data);
          *next_report = R->p + PROGRESS_STEP;
        }
      ok = ok && next_item (R, ']', &done);
    }
  R->arena = arena;
  return ok;
}

NhsJsonDoc *
nhs_json_doc_new_strict (const char          *text,
                         gsize                len,
                         guint                max_depth,
                         NhsJsonProgressFunc  progress,
                         gpointer             progress_data)
{
  g_autoptr(NhsJsonDoc) doc = doc_new (text, len, max_depth);
  Reader R = { doc, doc->text, doc->text + len, &doc->keep, 0 };
  const guchar *next_report = R.p + PROGRESS_STEP;
  gboolean done;
  guint32 n = 0;

  skip_ws (&R);
  if (R.p >= R.end || *R.p != '{' || !open_container (&R, '}', &done))
    return NULL;
  if (done)
    R.depth--;
  while (!done)
    {
      NhsJsonMember member;

      if (!read_key (&R, &member.key))
        return NULL;
      memset (&member.value, 0, sizeof member.value);
      /* the arrays at the top level are read later, an element at a time */
      if (R.p < R.end && *R.p == '['
          ? !skip_lazy_array (&R, &member.value, progress, progress_data, &next_report)
          : !read_value (&R, &member.value))
        return NULL;
      g_array_append_val (doc->members, member);
      n++;
      if (!next_item (&R, '}', &done))
        return NULL;
    }

  /* json-glib ignores what follows the first value; be strict and let it
   * decide */
  skip_ws (&R);
  if (R.p != R.end)
    return NULL;

  doc->root.type = NHS_JSON_OBJECT;
  doc->root.n = n;
  doc->root.v.members = take_items (&R, doc->members, 0, n);
  return g_steal_pointer (&doc);
}

/* }}} */
/* json-glib's tree {{{ */

static char *
arena_strdup (Arena      *arena,
              const char *s,
              guint32    *len)
{
  gsize n = strlen (s);
  char *copy = arena_alloc (arena, n + 1);

  memcpy (copy, s, n + 1);
  *len = (guint32) n;
  return copy;
}

static void
convert (NhsJsonDoc  *doc,
         JsonNode    *node,
         NhsJsonNode *out)
{
  memset (out, 0, sizeof *out);
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (object);
        guint i = 0;

        out->type = NHS_JSON_OBJECT;
        out->n = g_list_length (names);
        out->v.members = arena_alloc (&doc->keep, MAX (out->n, 1) * sizeof (NhsJsonMember));
        for (GList *l = names; l; l = l->next, i++)
          {
            guint32 len;
            out->v.members[i].key = arena_strdup (&doc->keep, l->data, &len);
            convert (doc, json_object_get_member (object, l->data), &out->v.members[i].value);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        out->type = NHS_JSON_ARRAY;
        out->n = json_array_get_length (array);
        out->v.items = arena_alloc (&doc->keep, MAX (out->n, 1) * sizeof (NhsJsonNode));
        for (guint i = 0; i < out->n; i++)
          convert (doc, json_array_get_element (array, i), &out->v.items[i]);
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          out->type = NHS_JSON_INT;
          out->v.integer = json_node_get_int (node);
          break;
        case G_TYPE_DOUBLE:
          out->type = NHS_JSON_DOUBLE;
          out->v.number = json_node_get_double (node);
          break;
        case G_TYPE_BOOLEAN:
          out->type = NHS_JSON_BOOLEAN;
          out->v.boolean = json_node_get_boolean (node);
          break;
        case G_TYPE_STRING:
          out->type = NHS_JSON_STRING;
          out->v.string = arena_strdup (&doc->keep, json_node_get_string (node), &out->n);
          break;
        default:
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

NhsJsonDoc *
nhs_json_doc_new_from_json_node (JsonNode *root)
{
  NhsJsonDoc *doc = doc_new (NULL, 0, G_MAXUINT);

  if (root != NULL)
    convert (doc, root, &doc->root);
  return doc;
}

/* }}} */
/* UTF-8 {{{ */

gboolean
nhs_json_utf8_validate (const char *text,
                        gsize       len)
{
  const guchar *p = (const guchar *) text, *end = p + len;
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (p < end)
    {
      guint64 word;

      if (end - p >= 8)
        {
          memcpy (&word, p, 8);
          if ((word & highs) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (*p < 0x80)
        p++;
      else if ((p = utf8_skip (p, end)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* }}} */
/* Access {{{ */

const NhsJsonNode *
nhs_json_object_get (const NhsJsonNode *object,
                     const char        *key)
{
  if (object == NULL || object->type != NHS_JSON_OBJECT)
    return NULL;
  for (guint32 i = object->n; i-- > 0;)
    if (object->v.members[i].key[0] == key[0] && strcmp (object->v.members[i].key, key) == 0)
      return &object->v.members[i].value;
  return NULL;
}

void
nhs_json_iter_init (NhsJsonIter       *iter,
                    NhsJsonDoc        *doc,
                    const NhsJsonNode *array)
{
  iter->doc = doc;
  iter->array = array;
  iter->index = 0;
  iter->pos = array->lazy ? array->v.offset + 1 : 0;
}

const NhsJsonNode *
nhs_json_iter_next (NhsJsonIter *iter)
{
  NhsJsonDoc *doc = iter->doc;
  Reader R;

  if (iter->index >= iter->array->n)
    return NULL;
  if (!iter->array->lazy)
    return &iter->array->v.items[iter->index++];

  arena_reset (&doc->scratch);
  g_array_set_size (doc->nodes, 0);
  g_array_set_size (doc->members, 0);
  R = (Reader) { doc, doc->text + iter->pos, doc->text + doc->len, &doc->scratch, 2 };
  skip_ws (&R);
  if (iter->index > 0)
    {
      /* the first pass saw this text through: this cannot fail */
      g_return_val_if_fail (R.p < R.end && *R.p == ',', NULL);
      R.p++;
      skip_ws (&R);
    }
  if (!read_value (&R, &doc->element))
    g_return_val_if_reached (NULL);
  iter->pos = (gsize) (R.p - doc->text);
  iter->index++;
  return &doc->element;
}

/* }}} */
