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
 *
 * The first pass keeps, for each level it is in, the key or index it is
 * at and the keys the object there has had so far: enough to refuse a key
 * given twice and to say where, at the cost of a comparison or two a key.
 */
#define G_LOG_DOMAIN "nhs-json-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-arena.h"
#include "nhs-json-reader.h"

/* Documents {{{ */

/* A key the first pass met: where its text starts (at the quote) */
typedef struct
{
  const guchar *start;
  guint32 len;                /* of the raw text between the quotes */
  gboolean escaped;
} Key;

/* A level the first pass is in */
typedef struct
{
  const guchar *key;          /* an object's current key, NULL in an array */
  guint index;                /* an array's current index */
  guint key_base;             /* an object's first key in the key stack */
  GHashTable *key_set;        /* an object's keys, once it has many */
} Frame;

struct _NhsJsonDoc
{
  const guchar *text;
  gsize len;
  guint max_depth;
  NhsArena keep;              /* the top level */
  NhsArena scratch;           /* the element a lazy iterator stands on */
  GArray *nodes;              /* children of the arrays being read */
  GArray *members;            /* members of the objects being read */
  Frame *frames;              /* max_depth + 1 of them, for the first pass */
  Key *keys;                  /* the keys of the objects the first pass is in */
  guint n_keys, keys_alloc;
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
  doc->frames = g_new0 (Frame, max_depth + 2);
  return doc;
}

void
nhs_json_doc_free (NhsJsonDoc *doc)
{
  if (doc == NULL)
    return;
  nhs_arena_clear (&doc->keep);
  nhs_arena_clear (&doc->scratch);
  g_array_unref (doc->nodes);
  g_array_unref (doc->members);
  for (guint i = 0; i < doc->max_depth + 2; i++)
    g_clear_pointer (&doc->frames[i].key_set, g_hash_table_unref);
  g_free (doc->frames);
  g_free (doc->keys);
  g_free (doc);
}

const NhsJsonNode *
nhs_json_doc_get_root (NhsJsonDoc *doc)
{
  return &doc->root;
}

void
nhs_json_error_clear (NhsJsonError *error)
{
  g_clear_pointer (&error->path, g_free);
  g_clear_pointer (&error->message, g_free);
}

/* }}} */
/* The reader {{{ */

typedef struct
{
  NhsJsonDoc *doc;
  const guchar *p;
  const guchar *end;
  NhsArena *arena;            /* NULL: check only, build nothing */
  guint depth;
  gboolean first_pass;        /* keeps frames and keys, refuses repeated keys */
  NhsJsonError *error;        /* the first pass's */
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

/* Records what is wrong at p, once (the innermost failure is the first
 * recorded; the callers above it only return FALSE) */
G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (Reader           *R,
         const guchar     *p,
         NhsJsonErrorKind  kind,
         const char       *format,
         ...)
{
  va_list args;

  if (R->error == NULL || R->error->message != NULL)
    return FALSE;
  R->error->kind = kind;
  R->error->offset = (gsize) (MIN (p, R->end) - R->doc->text);
  va_start (args, format);
  R->error->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static gboolean
fail_not_utf8 (Reader       *R,
               const guchar *p)
{
  return fail_at (R, p, NHS_JSON_ERROR_ENCODING, "%s", _("the file is not valid UTF-8 text"));
}

/* The character at p in a message: itself, or (not UTF-8) an encoding error */
static gboolean
fail_unexpected (Reader       *R,
                 const guchar *p,
                 const char   *expected)
{
  const guchar *next;
  g_autofree char *c = NULL;

  if (p >= R->end)
    return fail_at (R, p, NHS_JSON_ERROR_SYNTAX, "%s", _("the text ends before the JSON is complete"));
  if (*p == 0)
    return fail_not_utf8 (R, p);
  if (*p == '\'')
    return fail_at (R, p, NHS_JSON_ERROR_SYNTAX, "%s", _("strings must be in double quotes"));
  if (*p == '/')
    return fail_at (R, p, NHS_JSON_ERROR_SYNTAX, "%s", _("comments are not allowed"));
  next = *p < 0x80 ? p + 1 : utf8_skip (p, R->end);
  if (next == NULL)
    return fail_not_utf8 (R, p);
  c = g_strndup ((const char *) p, next - p);
  if (expected == NULL)
    /* TRANSLATORS: a character in the file */
    return fail_at (R, p, NHS_JSON_ERROR_SYNTAX, _("“%s” has no place here"), c);
  /* TRANSLATORS: a character in the file, then what should be there */
  return fail_at (R, p, NHS_JSON_ERROR_SYNTAX, _("“%s” has no place here (expected %s)"), c, expected);
}

char *
nhs_json_excerpt (const char *s,
                  gssize      len,
                  gsize       max_chars)
{
  const char *end = len < 0 ? s + strlen (s) : s + len;
  const char *p = s;
  gsize n = 0;

  while (p < end && n < max_chars)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  p = MIN (p, end);
  if (p == end)
    return g_strndup (s, end - s);
  {
    GString *out = g_string_new_len (s, p - s);

    g_string_append (out, "…");
    return g_string_free (out, FALSE);
  }
}

static int
hex4 (const guchar *p)
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
 * or the byte another escape stands for; the escape's length in *len. -1
 * for a bad escape, \u0000 (a NUL would cut the text short), a lone
 * surrogate: with R, the reason is recorded. */
static gint32
read_escape (Reader       *R,
             const guchar *p,
             const guchar *end,
             gsize        *len)
{
  int cp, low;

  *len = 2;
  switch (end - p < 2 ? '\0' : p[1])
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
    default:
      if (R)
        fail_at (R, p, NHS_JSON_ERROR_SYNTAX, "%s",
                 _("a backslash in text must start an escape such as \\n, \\\" or \\u00e9"));
      return -1;
    }
  if (end - p < 6 || (cp = hex4 (p + 2)) < 0)
    {
      if (R)
        fail_at (R, p, NHS_JSON_ERROR_SYNTAX, "%s", _("“\\u” must be followed by four hexadecimal digits"));
      return -1;
    }
  *len = 6;
  if (cp == 0)
    {
      if (R)
        fail_at (R, p, NHS_JSON_ERROR_ENCODING, "%s", _("text may not contain the character U+0000 (\\u0000)"));
      return -1;
    }
  if (cp < 0xD800 || cp > 0xDFFF)
    return cp;
  if (cp <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u' &&
      (low = hex4 (p + 8)) >= 0xDC00 && low <= 0xDFFF)
    {
      *len = 12;
      return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
  if (R)
    fail_at (R, p, NHS_JSON_ERROR_ENCODING, _("“\\u%.4s” is half of a UTF-16 surrogate pair, not a character"),
             (const char *) p + 2);
  return -1;
}

/* The high bit of each of the eight bytes (read little-endian) that may end
 * a plain run in a string: a quote, a backslash, a control character or a
 * non-ASCII byte. A byte above one that does may be marked when it does not
 * (the byte loop then looks closer); the lowest mark is always exact, and
 * no byte that ends a run goes unmarked. */
static inline guint64
word_special (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = w ^ (ones * '"');
  guint64 backslash = w ^ (ones * '\\');

  return (((quote - ones) & ~quote) |
          ((backslash - ones) & ~backslash) |
          ((w - ones * 0x20) & ~w) |
          w) & highs;
}

/* At the opening quote. With an arena, *out gets the decoded string. */
static gboolean
read_string (Reader      *R,
             const char **out,
             guint32     *out_len)
{
  const guchar *quote = R->p;
  const guchar *start = ++R->p;
  const guchar *p = start;
  const guchar *end = R->end;
  gboolean escaped = FALSE;
  char *s, *w;

  for (;;)
    {
      while (end - p >= 8)
        {
          guint64 word, special;

          memcpy (&word, p, 8);
          special = word_special (GUINT64_FROM_LE (word));
          if (special != 0)
            {
#if defined(__GNUC__)
              /* straight to the first byte that ends the run */
              p += __builtin_ctzll (special) >> 3;
#endif
              break;
            }
          p += 8;
        }
      while (p < end && string_class[*p] == 0)
        p++;
      if (p >= end)
        return fail_at (R, quote, NHS_JSON_ERROR_SYNTAX, "%s",
                        _("the text ends inside this string (its closing “\"” is missing)"));
      switch (string_class[*p])
        {
        case 1:
          goto closed;
        case 2:
          {
            gsize len;
            if (read_escape (R, p, end, &len) < 0)
              return FALSE;
            p += len;
            escaped = TRUE;
          }
          break;
        case 3:
          if (*p == 0)
            return fail_not_utf8 (R, p);
          return fail_at (R, p, NHS_JSON_ERROR_SYNTAX,
                          _("a control character (U+%04X) in text must be written as an escape such as \\n, \\t or \\u001f"),
                          *p);
        default:
          {
            const guchar *next = utf8_skip (p, end);
            if (next == NULL)
              return fail_not_utf8 (R, p);
            p = next;
          }
        }
    }

closed:
  R->p = p + 1;
  if (R->first_pass && out == NULL)
    {
      /* a key, checked only: its raw text is what the caller keeps */
      *out_len = (guint32) (p - start) | (escaped ? 0x80000000u : 0);
      return TRUE;
    }
  if (R->arena == NULL)
    return TRUE;

  s = nhs_arena_alloc (R->arena, (gsize) (p - start) + 1);
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
              gint32 cp = read_escape (NULL, q, p, &len);

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

/* A number that is not one: the characters that look like part of it, in
 * the message */
static gboolean
fail_number (Reader       *R,
             const guchar *start,
             const char   *why)
{
  const guchar *p = start;
  g_autofree char *excerpt = NULL;

  while (p < R->end && (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.'))
    p++;
  excerpt = nhs_json_excerpt ((const char *) start, p - start, NHS_JSON_EXCERPT_CHARS);
  /* TRANSLATORS: a number as the file has it, then what is wrong with it */
  return fail_at (R, start, NHS_JSON_ERROR_SYNTAX, _("“%s” is not a number JSON allows: %s"), excerpt, why);
}

/* The number grammar of RFC 8259 exactly */
static gboolean
read_number (Reader      *R,
             NhsJsonNode *out)
{
  const guchar *start = R->p, *p = start, *end = R->end;
  const guchar *digits;
  gboolean negative = FALSE, integer = TRUE;

  if (*p == '+')
    return fail_number (R, start, _("a number may not start with “+”"));
  if (*p == '.')
    return fail_number (R, start, _("a number must start with a digit (write 0.5, not .5)"));
  if (*p == '-')
    negative = TRUE, p++;
  digits = p;
  if (p >= end || !g_ascii_isdigit (*p))
    return fail_number (R, start, _("“-” must be followed by a digit"));
  if (*p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return fail_number (R, start, _("a number may not start with 0 followed by more digits"));
    }
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        return fail_number (R, start, _("a decimal point must be followed by a digit"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail_number (R, start, _("an exponent must have digits"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  R->p = p;

  if (integer)
    {
      guint64 v = 0;
      /* up to 18 digits cannot overflow; beyond, each step is checked */
      gboolean fits = TRUE;

      for (const guchar *d = digits; d < p && fits; d++)
        {
          guint digit = *d - '0';

          if (v > (G_MAXUINT64 - digit) / 10)
            fits = FALSE;
          else
            v = v * 10 + digit;
        }
      if (!fits || v > (guint64) G_MAXINT64 + negative)
        {
          gsize len = (gsize) (p - start);

          return fail_at (R, start, NHS_JSON_ERROR_NUMBER,
                          _("the whole number %.*s%s is too large (write it with a decimal point or an exponent)"),
                          len > 24 ? 20 : (int) len, (const char *) start, len > 24 ? "…" : "");
        }
      if (out)
        {
          out->type = NHS_JSON_INT;
          out->v.integer = negative ? (gint64) (0 - v) : (gint64) v;
        }
    }
  else if (out)
    {
      /* g_ascii_strtod, as json-glib reads numbers: the same values */
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
  const guchar *p = R->p;
  g_autofree char *excerpt = NULL;

  if ((gsize) (R->end - R->p) >= len && memcmp (R->p, word, len) == 0 &&
      (R->p + len == R->end || !g_ascii_isalnum (R->p[len])))
    {
      R->p += len;
      return TRUE;
    }
  while (p < R->end && g_ascii_isalnum (*p))
    p++;
  excerpt = nhs_json_excerpt ((const char *) R->p, MAX (p - R->p, 1), NHS_JSON_EXCERPT_CHARS);
  return fail_at (R, R->p, NHS_JSON_ERROR_SYNTAX,
                  _("“%s” is not a value (a word must be true, false or null, in lower case; text goes in double quotes)"),
                  excerpt);
}

static gboolean read_value (Reader *R, NhsJsonNode *out);

/* At an opening bracket: steps in; *empty when the closing one follows */
static gboolean
open_container (Reader   *R,
                char      close,
                gboolean *empty)
{
  if (++R->depth > R->doc->max_depth)
    return fail_at (R, R->p, NHS_JSON_ERROR_DEPTH, _("the JSON is nested more than %u levels deep"),
                    R->doc->max_depth);
  R->p++;
  skip_ws (R);
  *empty = R->p < R->end && *R->p == close;
  if (*empty)
    {
      R->p++;
      R->depth--;
    }
  return TRUE;
}

/* After an element or a member: past the comma, or past the closing
 * bracket with *done set; FALSE at anything else */
static gboolean
next_item (Reader   *R,
           char      close,
           gboolean *done)
{
  skip_ws (R);
  if (R->p < R->end && *R->p == close)
    {
      R->p++;
      R->depth--;
      *done = TRUE;
      return TRUE;
    }
  *done = FALSE;
  if (R->p >= R->end || *R->p != ',')
    return fail_unexpected (R, R->p, close == ']' ? _("“,” or “]”") : _("“,” or “}”"));
  R->p++;
  skip_ws (R);
  if (R->p < R->end && *R->p == close)
    return fail_at (R, R->p, NHS_JSON_ERROR_SYNTAX, "%s",
                    close == ']' ? _("a comma must be followed by another value (remove the last comma)")
                                 : _("a comma must be followed by another member (remove the last comma)"));
  return TRUE;
}

/* Duplicate keys {{{ */

static char *
key_text (const Key *key)
{
  GString *s = g_string_sized_new (key->len);
  const guchar *q = key->start + 1, *end = q + key->len;

  while (q < end)
    if (*q != '\\')
      g_string_append_c (s, (char) *q++);
    else
      {
        gsize len;
        gint32 cp = read_escape (NULL, q, end, &len);

        g_string_append_unichar (s, (gunichar) cp);
        q += len;
      }
  return g_string_free (s, FALSE);
}

static gboolean
keys_equal (const Key *a,
            const Key *b)
{
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;

  if (!a->escaped && !b->escaped)
    return a->len == b->len && memcmp (a->start, b->start, a->len + 1) == 0;
  ta = key_text (a);
  tb = key_text (b);
  return strcmp (ta, tb) == 0;
}

/* The path of the value the first pass is at, as "$.events[3].title" */
static char *
frames_path (Reader *R)
{
  GString *s = g_string_new ("$");

  for (guint d = 1; d <= R->depth; d++)
    {
      Frame *f = &R->doc->frames[d];

      if (f->key != NULL)
        {
          Key key = { f->key, 0, FALSE };
          g_autofree char *text = NULL;
          g_autofree char *excerpt = NULL;
          guint32 len;
          Reader scan = { R->doc, f->key, R->end, NULL, 0, TRUE, NULL };

          read_string (&scan, NULL, &len);
          key.len = len & 0x7FFFFFFF;
          key.escaped = (len & 0x80000000u) != 0;
          text = key_text (&key);
          excerpt = nhs_json_excerpt (text, -1, NHS_JSON_EXCERPT_CHARS);
          g_string_append_printf (s, ".%s", excerpt);
        }
      else
        g_string_append_printf (s, "[%u]", f->index);
    }
  return g_string_free (s, FALSE);
}

/* The first pass met a key (raw_len from read_string): refuses it if its
 * object has had it before. Objects have a few keys: each new one is
 * compared with those before it, until there are many. */
#define KEYS_COMPARED 32

static gboolean
check_key (Reader       *R,
           const guchar *start,
           guint32       raw_len)
{
  NhsJsonDoc *doc = R->doc;
  Frame *f = &doc->frames[R->depth];
  Key key = { start, raw_len & 0x7FFFFFFF, (raw_len & 0x80000000u) != 0 };
  guint n = doc->n_keys - f->key_base;
  gboolean seen = FALSE;

  f->key = start;
  if (f->key_set != NULL)
    seen = !g_hash_table_add (f->key_set, key_text (&key));
  else
    for (guint i = f->key_base; i < doc->n_keys && !seen; i++)
      seen = keys_equal (&doc->keys[i], &key);
  if (seen)
    {
      g_autofree char *text = key_text (&key);
      g_autofree char *excerpt = nhs_json_excerpt (text, -1, NHS_JSON_EXCERPT_CHARS);

      fail_at (R, start, NHS_JSON_ERROR_DUPLICATE,
               _("the key “%s” is given twice in one object (keys must differ)"), excerpt);
      R->error->path = frames_path (R);
      return FALSE;
    }
  if (f->key_set != NULL)
    return TRUE;
  if (n == KEYS_COMPARED)
    {
      f->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = f->key_base; i < doc->n_keys; i++)
        g_hash_table_add (f->key_set, key_text (&doc->keys[i]));
      g_hash_table_add (f->key_set, key_text (&key));
      return TRUE;
    }
  if (doc->n_keys == doc->keys_alloc)
    {
      doc->keys_alloc = MAX (64, doc->keys_alloc * 2);
      doc->keys = g_renew (Key, doc->keys, doc->keys_alloc);
    }
  doc->keys[doc->n_keys++] = key;
  return TRUE;
}

/* }}} */

/* A member's key and the colon after it, at the key's opening quote */
static gboolean
read_key (Reader      *R,
          const char **key)
{
  const guchar *start = R->p;
  guint32 len;

  if (R->p >= R->end || *R->p != '"')
    return fail_unexpected (R, R->p, _("a key in double quotes"));
  if (R->first_pass)
    {
      /* the key's text is needed only at the top level, which is built */
      if (!read_string (R, R->arena ? key : NULL, &len))
        return FALSE;
      if (R->arena)
        len = (guint32) (R->p - start - 2) | (memchr (start, '\\', R->p - start) ? 0x80000000u : 0);
      if (!check_key (R, start, len))
        return FALSE;
    }
  else if (!read_string (R, key, &len))
    return FALSE;
  skip_ws (R);
  if (R->p >= R->end || *R->p != ':')
    return fail_unexpected (R, R->p, _("“:” after the key"));
  R->p++;
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
    items = memcpy (nhs_arena_alloc (R->arena, size), stack->data + base * g_array_get_element_size (stack), size);
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
  while (!done)
    {
      NhsJsonNode child;

      if (R->first_pass)
        {
          R->doc->frames[R->depth].key = NULL;
          R->doc->frames[R->depth].index = n;
        }
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
  Frame *f = NULL;

  if (!open_container (R, '}', &done))
    return FALSE;
  if (R->first_pass && !done)
    {
      f = &R->doc->frames[R->depth];
      f->key_base = R->doc->n_keys;
    }
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
  if (f != NULL)
    {
      R->doc->n_keys = f->key_base;
      g_clear_pointer (&f->key_set, g_hash_table_unref);
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
    {
      memset (out, 0, sizeof *out);
      out->offset = (guint32) (R->p - R->doc->text);
    }
  if (R->p >= R->end)
    return fail_at (R, R->p, NHS_JSON_ERROR_SYNTAX, "%s", _("the text ends where a value should be"));

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

        if (!read_string (R, out ? &s : NULL, &len))
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
    case '-': case '+': case '.':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (R, out);
    default:
      if (g_ascii_isalpha (*R->p))
        return read_literal (R, "", 0);
      return fail_unexpected (R, R->p, NULL);
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
  NhsArena *arena = R->arena;
  gboolean done, ok = TRUE;

  out->type = NHS_JSON_ARRAY;
  out->lazy = TRUE;
  out->n = 0;
  out->offset = (guint32) (R->p - R->doc->text);
  out->v.offset = out->offset;

  if (!open_container (R, ']', &done))
    return FALSE;
  R->arena = NULL;
  while (ok && !done)
    {
      R->doc->frames[R->depth].key = NULL;
      R->doc->frames[R->depth].index = out->n;
      ok = read_value (R, NULL);
      out->n++;
      if (ok && progress && R->p >= *next_report)
        {
          ok = progress ((double) (R->p - R->doc->text) / R->doc->len, progress_data);
          if (!ok)
            fail_at (R, R->p, NHS_JSON_ERROR_STOPPED, "%s", "stopped");
          *next_report = R->p + PROGRESS_STEP;
        }
      ok = ok && next_item (R, ']', &done);
    }
  R->arena = arena;
  return ok;
}

static NhsJsonType
type_at (const guchar *p)
{
  switch (*p)
    {
    case '[': return NHS_JSON_ARRAY;
    case '"': return NHS_JSON_STRING;
    case 't': case 'f': return NHS_JSON_BOOLEAN;
    case 'n': return NHS_JSON_NULL;
    default: return NHS_JSON_DOUBLE;
    }
}

NhsJsonDoc *
nhs_json_doc_new (const char          *text,
                  gsize                len,
                  guint                max_depth,
                  NhsJsonProgressFunc  progress,
                  gpointer             progress_data,
                  NhsJsonError        *error)
{
  g_autoptr(NhsJsonDoc) doc = doc_new (text, len, max_depth);
  Reader R = { doc, doc->text, doc->text + len, &doc->keep, 0, TRUE, error };
  const guchar *next_report = R.p + PROGRESS_STEP;
  gboolean done;
  guint32 n = 0;

  memset (error, 0, sizeof *error);
  g_return_val_if_fail (len < G_MAXUINT32, NULL);

  /* a byte order mark, as some editors write, is not content */
  if (len >= 3 && memcmp (R.p, "\xef\xbb\xbf", 3) == 0)
    R.p += 3;
  skip_ws (&R);
  if (R.p == R.end)
    {
      fail_at (&R, R.p, NHS_JSON_ERROR_EMPTY, "%s", _("the file is empty"));
      return NULL;
    }
  doc->root.offset = (guint32) (R.p - doc->text);
  if (*R.p != '{')
    {
      /* any other value is checked (a message about what it is comes
       * after one about what is wrong in it), never built */
      doc->root.type = type_at (R.p);
      R.arena = NULL;
      if (!read_value (&R, NULL))
        return NULL;
      goto end;
    }

  if (!open_container (&R, '}', &done))
    return NULL;
  doc->frames[1].key_base = 0;
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
  doc->root.type = NHS_JSON_OBJECT;
  doc->root.n = n;
  doc->root.v.members = take_items (&R, doc->members, 0, n);
  g_clear_pointer (&doc->frames[1].key_set, g_hash_table_unref);

end:
  skip_ws (&R);
  if (R.p != R.end)
    {
      fail_at (&R, R.p, NHS_JSON_ERROR_SYNTAX, "%s", _("there is more text after the end of the top-level value"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

void
nhs_json_offset_to_line_column (const char *text,
                                gsize       offset,
                                int        *line,
                                int        *column)
{
  int l = 1;
  const char *line_start = text;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        l++;
        line_start = text + i + 1;
      }
  *line = l;
  /* count characters, not bytes; invalid UTF-8 counts a byte each */
  *column = 1;
  for (const char *q = line_start; q < text + offset; q++)
    if (((guchar) *q & 0xC0) != 0x80)
      (*column)++;
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

  nhs_arena_reset (&doc->scratch);
  g_array_set_size (doc->nodes, 0);
  g_array_set_size (doc->members, 0);
  R = (Reader) { doc, doc->text + iter->pos, doc->text + doc->len, &doc->scratch, 2, FALSE, NULL };
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
