/* nhs-dataset-loader.c: reading and validating dataset files
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is read by nhs-json-reader (strict JSON only), one element of
 * each top-level array at a time; one pass over what it reads builds the
 * objects and checks every rule of the dataset format. The path of the
 * value being read is kept as a stack of keys and indices, so any error
 * names it; each node knows its offset in the text, so the error gives its
 * line and column too.
 */
#define G_LOG_DOMAIN "nhs-dataset-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nhs-dataset-builder.h"
#include "nhs-dataset-check.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-json-reader.h"
#include "nhs-model-private.h"
#include "nhs-stats.h"
#include "nhs-time-zone.h"

G_DEFINE_QUARK (nhs-dataset-error-quark, nhs_dataset_error)

typedef struct
{
  const char *text;
  gsize len;
  const char *name;
  struct {
    const char *key;          /* NULL: an index */
    guint index;
    const NhsJsonNode *node;  /* the value there, when known (NULL: look it up) */
  } path[16];                 /* "$" then these; the format needs six */
  gsize depth;
  GError **error;
  NhsJsonDoc *doc;
  NhsDataset *ds;
  NhsDatasetBuilder *B;
  GHashTable **quotes_found;    /* per article: quote → its range */
  GPtrArray *scratch;
  GPtrArray *excerpts;          /* what ex() made, for the messages */
  guint n_articles;
  GCancellable *cancellable;
  NhsDatasetProgressFunc progress;
  gpointer progress_data;
  /* checking one item for an edit (_nhs_dataset_build_event): its evidence
   * is not filed under its articles, and a failure keeps its path */
  gboolean detached;
  char **fail_path;
} Loader;

/* Progress: the first pass over the text, then the events; the rest is quick */
#define PROGRESS_PARSED 0.25
#define PROGRESS_EVENTS 0.85
#define PROGRESS_FIGURES 0.97

/* Path handling {{{ */

/* The path is a stack of keys (string literals) and indices, written out
 * as "$.events[3].start" only when an error needs it */
static gsize
push (Loader     *L,
      const char *key,
      guint       index)
{
  gsize mark = L->depth;

  g_assert (L->depth < G_N_ELEMENTS (L->path));
  L->path[L->depth].key = key;
  L->path[L->depth].index = index;
  L->path[L->depth].node = NULL;
  L->depth++;
  return mark;
}

#define push_key(L, key) push ((L), (key), 0)
#define push_index(L, index) push ((L), NULL, (index))

static void
pop (Loader *L, gsize mark)
{
  L->depth = mark;
}

static char *
path_to_string (Loader *L)
{
  GString *s = g_string_new ("$");

  for (gsize i = 0; i < L->depth; i++)
    if (L->path[i].key != NULL)
      g_string_append_printf (s, ".%s", L->path[i].key);
    else
      g_string_append_printf (s, "[%u]", L->path[i].index);
  return g_string_free (s, FALSE);
}

/* Where the path leads in the text: the value it names, or the nearest
 * one on the way there that exists (a missing key: its object) */
static gsize
path_offset (Loader *L)
{
  const NhsJsonNode *node = nhs_json_doc_get_root (L->doc);

  for (gsize i = 0; i < L->depth; i++)
    {
      const NhsJsonNode *child = L->path[i].node;

      if (child == NULL && L->path[i].key != NULL)
        child = nhs_json_object_get (node, L->path[i].key);
      else if (child == NULL && node->type == NHS_JSON_ARRAY && !node->lazy && L->path[i].index < node->n)
        child = &node->v.items[L->path[i].index];
      if (child == NULL)
        break;
      node = child;
    }
  return node->offset;
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Loader     *L,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = path_to_string (L);
  va_list args;
  int line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (L->fail_path != NULL)
    *L->fail_path = g_strdup (path);
  if (L->detached)
    /* one item checked on its own: a line of the file would mean nothing */
    /* TRANSLATORS: file: $.json.path: what is wrong there */
    g_set_error (L->error, NHS_DATASET_ERROR, code, _("%s: %s: %s"),
                 L->name, path, message);
  else
    {
      nhs_json_offset_to_line_column (L->text, path_offset (L), &line, &column);
      /* TRANSLATORS: file:line:column: $.json.path: what is wrong there;
       * keep "%s:%d:%d" together, as editors read it */
      g_set_error (L->error, NHS_DATASET_ERROR, code, _("%s:%d:%d: %s: %s"),
                   L->name, line, column, path, message);
    }
  return FALSE;
}

/* A value from the file as a message quotes it: at most a short excerpt
 * (a 50 MB value is not echoed whole) */
static const char *
ex (Loader     *L,
    const char *value)
{
  char *excerpt = nhs_json_excerpt (value, -1, NHS_JSON_EXCERPT_CHARS);

  g_ptr_array_add (L->excerpts, excerpt);
  return excerpt;
}

/* }}} */
/* Typed member access {{{ */

static const char *
node_type_words (const NhsJsonNode *node)
{
  switch (node ? node->type : NHS_JSON_NULL)
    {
    case NHS_JSON_NULL: return _("null");
    case NHS_JSON_OBJECT: return _("an object");
    case NHS_JSON_ARRAY: return _("an array");
    case NHS_JSON_STRING: return _("a string");
    case NHS_JSON_BOOLEAN: return _("true or false");
    case NHS_JSON_INT:
    case NHS_JSON_DOUBLE: return _("a number");
    default: return _("a value of an unknown type");
    }
}

static inline gboolean
is_string (const NhsJsonNode *node)
{
  return node->type == NHS_JSON_STRING;
}

/* Returns the member, NULL when absent or null. Sets *ok = FALSE and the
 * error when required and absent. Leaves the path pointing at the member. */
static const NhsJsonNode *
member (Loader            *L,
        const NhsJsonNode *object,
        const char        *key,
        gboolean           required,
        gboolean          *ok)
{
  const NhsJsonNode *node = nhs_json_object_get (object, key);

  *ok = TRUE;
  if (node == NULL || node->type == NHS_JSON_NULL)
    {
      if (required)
        *ok = fail (L, NHS_DATASET_ERROR_MISSING, _("the required key “%s” is missing"), key);
      return NULL;
    }
  return node;
}

static gboolean
get_string (Loader            *L,
            const NhsJsonNode *object,
            const char        *key,
            gboolean           required,
            const char       **out)
{
  gboolean ok;
  gsize mark = push_key (L, key);
  const NhsJsonNode *node = member (L, object, key, required, &ok);

  *out = NULL;
  if (!ok)
    {
      /* a missing key is reported at the object that lacks it */
      return FALSE;
    }
  if (node != NULL)
    {
      if (!is_string (node))
        return fail (L, NHS_DATASET_ERROR_TYPE, _("expected a string, found %s"), node_type_words (node));
      *out = node->v.string;
    }
  pop (L, mark);
  return TRUE;
}

static gboolean
get_array (Loader             *L,
           const NhsJsonNode  *object,
           const char         *key,
           gboolean            required,
           const NhsJsonNode **out)
{
  gboolean ok;
  gsize mark = push_key (L, key);
  const NhsJsonNode *node = member (L, object, key, required, &ok);

  *out = NULL;
  if (!ok)
    return FALSE;
  if (node != NULL)
    {
      if (node->type != NHS_JSON_ARRAY)
        return fail (L, NHS_DATASET_ERROR_TYPE, _("expected an array, found %s"), node_type_words (node));
      *out = node;
    }
  pop (L, mark);
  return TRUE;
}

/* The next element of an array, which must be an object */
static gboolean
next_object (Loader             *L,
             NhsJsonIter        *iter,
             const NhsJsonNode **out)
{
  const NhsJsonNode *node = nhs_json_iter_next (iter);

  L->path[L->depth - 1].node = node;
  if (node == NULL || node->type != NHS_JSON_OBJECT)
    return fail (L, NHS_DATASET_ERROR_TYPE, _("expected an object, found %s"), node_type_words (node));
  *out = node;
  return TRUE;
}

static gboolean
get_enum (Loader            *L,
          const NhsJsonNode *object,
          const char *key,
          gboolean    required,
          GType       enum_type,
          int        *out)
{
  const char *nick;
  gsize mark;

  if (!get_string (L, object, key, required, &nick))
    return FALSE;
  if (nick == NULL)
    return TRUE;

  mark = push_key (L, key);
  if (!nhs_enum_from_nick (enum_type, nick, out))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
      return fail (L, NHS_DATASET_ERROR_ENUM, _("unknown value “%s” (expected one of: %s)"),
                   ex (L, nick), allowed->str);
    }
  pop (L, mark);
  return TRUE;
}

static gboolean
get_number (Loader            *L,
            const NhsJsonNode *object,
            const char        *key,
            double            *out)
{
  gboolean ok;
  gsize mark = push_key (L, key);
  const NhsJsonNode *node = member (L, object, key, TRUE, &ok);

  if (!ok)
    return FALSE;
  if (node->type == NHS_JSON_INT)
    *out = (double) node->v.integer;
  else if (node->type == NHS_JSON_DOUBLE)
    *out = node->v.number;
  else
    return fail (L, NHS_DATASET_ERROR_TYPE, _("expected a number, found %s"), node_type_words (node));
  if (!isfinite (*out))
    return fail (L, NHS_DATASET_ERROR_VALUE, _("the number is not finite"));
  pop (L, mark);
  return TRUE;
}

/* }}} */
/* Dates {{{ */

static gboolean
get_when (Loader            *L,
          const NhsJsonNode *object,
          const char        *key,
          gboolean           required,
          gboolean           allow_time,
          const NhsWhen       **out)
{
  const char *text;
  gsize mark;

  *out = NULL;
  if (!get_string (L, object, key, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  mark = push_key (L, key);
  /* The chart, the statistics and every time zone work within these
   * years with room on both sides (GDateTime ends at 0001 and 9999, where
   * a month or a zone's day can fall off the end); the dispute needs a
   * few of them. The year as written, before any zone moves it. */
  if (g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && text[4] == '-')
    {
      int year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
                 g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);

      if (year < NHS_DATASET_FIRST_YEAR || year > NHS_DATASET_LAST_YEAR)
        return fail (L, NHS_DATASET_ERROR_DATE,
                     _("“%s” is outside the years this app handles (%d to %d)"),
                     text, NHS_DATASET_FIRST_YEAR, NHS_DATASET_LAST_YEAR);
    }
  *out = _nhs_dataset_builder_when (L->B, text, allow_time);
  if (*out == NULL)
    return fail (L, NHS_DATASET_ERROR_DATE,
                 allow_time
                   ? _("“%s” is not a valid date or date-time (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, optionally with seconds and an offset such as +01:00)")
                   : _("“%s” is not a valid date (expected YYYY-MM-DD)"),
                 text);
  pop (L, mark);
  return TRUE;
}

/* }}} */
/* Collections {{{ */

static gboolean
check_id (Loader            *L,
          const NhsJsonNode *object,
          GHashTable  *table,
          gboolean     strict,
          const char **out)
{
  gsize mark;

  if (!get_string (L, object, "id", TRUE, out))
    return FALSE;
  mark = push_key (L, "id");
  if (**out == '\0')
    return fail (L, NHS_DATASET_ERROR_VALUE, _("an id may not be empty"));
  if (strict && !nhs_group_id_is_valid (*out))
    return fail (L, NHS_DATASET_ERROR_VALUE,
                 _("“%s” is not a valid group id (use lower-case letters, digits and “-”)"), ex (L, *out));
  if (g_hash_table_contains (table, *out))
    return fail (L, NHS_DATASET_ERROR_DUPLICATE, _("the id “%s” is used twice"), ex (L, *out));
  pop (L, mark);
  return TRUE;
}

static gboolean
check_cancelled (Loader *L)
{
  if (L->cancellable && g_cancellable_is_cancelled (L->cancellable))
    {
      g_set_error (L->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("Loading %s was cancelled"), L->name);
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_hex_color (const char *s)
{
  if (s[0] != '#' || strlen (s) != 7)
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* One group object, read into group (the caller files it) */
static gboolean
load_group (Loader            *L,
            const NhsJsonNode *obj,
            NhsGroup          *group)
{
  const char *id, *name, *short_name, *color;

  if (!check_id (L, obj, L->ds->group_by_id, TRUE, &id) ||
      !get_string (L, obj, "name", TRUE, &name) ||
      !get_string (L, obj, "short_name", FALSE, &short_name) ||
      !get_string (L, obj, "color", FALSE, &color))
    return FALSE;
  if (color != NULL && !is_hex_color (color))
    {
      push_key (L, "color");
      return fail (L, NHS_DATASET_ERROR_VALUE, _("“%s” is not a colour of the form #rrggbb"), ex (L, color));
    }
  _nhs_group_fill (group, id, name, short_name, color);
  return TRUE;
}

static gboolean
load_groups (Loader *L, const NhsJsonNode *array)
{
  guint n = array->n;
  NhsJsonIter iter;

  if (n == 0)
    return fail (L, NHS_DATASET_ERROR_VALUE, _("a dataset needs at least one group"));

  nhs_json_iter_init (&iter, L->doc, array);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      const NhsJsonNode *obj = NULL;
      NhsGroup *group = g_object_new (NHS_TYPE_GROUP, NULL);

      if (!next_object (L, &iter, &obj) || !load_group (L, obj, group))
        {
          g_object_unref (group);
          return FALSE;
        }
      _nhs_dataset_file_group (L->ds, group);
      pop (L, mark);
    }
  return TRUE;
}

/* One source object, read into source (the caller files it) */
static gboolean
load_source (Loader            *L,
             const NhsJsonNode *obj,
             NhsSource         *source)
{
  const char *id, *title, *publisher, *url;
  const NhsWhen *published;
  int kind = NHS_SOURCE_KIND_OTHER;

  if (!check_id (L, obj, L->ds->source_by_id, FALSE, &id) ||
      !get_string (L, obj, "title", FALSE, &title) ||
      !get_string (L, obj, "publisher", FALSE, &publisher) ||
      !get_string (L, obj, "url", FALSE, &url) ||
      !get_when (L, obj, "published", FALSE, FALSE, &published) ||
      !get_enum (L, obj, "kind", FALSE, NHS_TYPE_SOURCE_KIND, &kind))
    return FALSE;
  _nhs_source_fill (source, id, title ? title : (url ? url : id), publisher, url, published, kind);
  return TRUE;
}

static gboolean
load_sources (Loader *L, const NhsJsonNode *array)
{
  guint n = array->n;
  NhsJsonIter iter;

  nhs_json_iter_init (&iter, L->doc, array);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      const NhsJsonNode *obj = NULL;
      NhsSource *source = g_object_new (NHS_TYPE_SOURCE, NULL);

      if (!next_object (L, &iter, &obj) || !load_source (L, obj, source))
        {
          g_object_unref (source);
          return FALSE;
        }
      _nhs_dataset_file_source (L->ds, source);
      pop (L, mark);
    }
  return TRUE;
}

static gboolean
load_articles (Loader *L, const NhsJsonNode *array)
{
  guint n = array ? array->n : 0;
  NhsJsonIter iter;

  L->ds->n_articles = n;
  L->quotes_found = g_new0 (GHashTable *, MAX (n, 1));
  L->n_articles = n;
  L->ds->citations = g_new0 (GPtrArray *, MAX (n, 1));
  L->ds->quotes = g_new0 (GPtrArray *, MAX (n, 1));

  if (array != NULL)
    nhs_json_iter_init (&iter, L->doc, array);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      const NhsJsonNode *obj = NULL;
      const char *id, *title, *publisher, *url, *body, *description;
      const NhsWhen *published;

      L->ds->citations[i] = g_ptr_array_new ();
      L->ds->quotes[i] = g_ptr_array_new ();

      if (!next_object (L, &iter, &obj) ||
          !check_id (L, obj, L->ds->article_by_id, FALSE, &id) ||
          !get_string (L, obj, "title", TRUE, &title) ||
          !get_string (L, obj, "publisher", FALSE, &publisher) ||
          !get_string (L, obj, "url", FALSE, &url) ||
          !get_string (L, obj, "description", FALSE, &description) ||
          !get_when (L, obj, "published", FALSE, FALSE, &published) ||
          !get_string (L, obj, "body", TRUE, &body))
        return FALSE;
      _nhs_dataset_add_article (L->ds, id, title, publisher, url, description, body, published);
      pop (L, mark);
    }
  return TRUE;
}

/* Characters in valid UTF-8: the bytes that do not continue a sequence,
 * counted eight at a time (g_utf8_pointer_to_offset walks one by one) */
static int
utf8_chars (const char *s,
            const char *end)
{
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize n = 0;

  while (end - s >= 8)
    {
      guint64 w, continuing;

      memcpy (&w, s, 8);
      continuing = w & ~(w << 1) & highs;       /* 10xxxxxx */
      /* one bit per byte at most, at bit 7: gather them into the top byte
       * (a libgcc call for __builtin_popcountll costs more without -mpopcnt) */
      n += 8 - (gsize) (((continuing >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
      s += 8;
    }
  for (; s < end; s++)
    n += ((guchar) *s & 0xC0) != 0x80;
  return (int) n;
}

/* Evidence is words: a quote of a space or a full stop occurs in every
 * article and proves nothing */
static gboolean
quote_has_a_word (const char *quote)
{
  for (const char *p = quote; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* A quote that begins or ends inside a word ("ike" of "strike") says
 * something the article does not: it has to stand on word boundaries, at
 * least at the ends that are letters or digits */
static gboolean
on_word_boundaries (const char *body,
                    const char *at,
                    const char *quote,
                    gsize       len)
{
  const char *last = g_utf8_find_prev_char (quote, quote + len);

  if (at > body && is_word_char (quote) &&
      is_word_char (g_utf8_find_prev_char (body, at)))
    return FALSE;
  if (last != NULL && is_word_char (last) && at[len] != '\0' &&
      is_word_char (at + len))
    return FALSE;
  return TRUE;
}

typedef enum {
  QUOTE_FOUND,
  QUOTE_NOT_FOUND,
  QUOTE_INSIDE_WORDS,
} QuoteFound;

/* Where the quote first occurs in the article's body on word boundaries, in
 * characters. Many events quote the same lines of an article, and each
 * search walks the body (twice: to find the quote, then to count
 * characters), so the answers are kept per article while loading, under
 * the quote as the builder shares it (one pointer per text, kept alive by
 * the builder as long as the load). */
static QuoteFound
find_quote (Loader     *L,
            NhsArticle *article,
            const char *quote,
            int        *start,
            int        *end)
{
  GHashTable *found = L->quotes_found[article->index];
  gsize len = strlen (quote);
  gboolean inside = FALSE;
  int *range;
  const char *at;

  if (found == NULL)
    found = L->quotes_found[article->index] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  else if ((range = g_hash_table_lookup (found, quote)) != NULL)
    {
      *start = range[0];
      *end = range[1];
      return QUOTE_FOUND;
    }

  for (at = len ? strstr (article->body, quote) : NULL; at != NULL;
       at = strstr (g_utf8_next_char (at), quote))
    {
      if (on_word_boundaries (article->body, at, quote, len))
        break;
      inside = TRUE;
    }
  if (at == NULL)
    return inside ? QUOTE_INSIDE_WORDS : QUOTE_NOT_FOUND;
  *start = utf8_chars (article->body, at);
  *end = *start + utf8_chars (quote, quote + len);
  range = g_new (int, 2);
  range[0] = *start;
  range[1] = *end;
  g_hash_table_insert (found, (gpointer) quote, range);
  return QUOTE_FOUND;
}

static gboolean
load_evidence (Loader            *L,
               const NhsJsonNode *owner_obj,
               GObject           *owner,
               GPtrArray        **out)
{
  const NhsJsonNode *array;
  NhsJsonIter iter;
  guint n;
  gsize mark;

  if (!get_array (L, owner_obj, "evidence", FALSE, &array))
    return FALSE;
  n = array ? array->n : 0;
  if (n == 0)
    {
      *out = _nhs_dataset_builder_no_evidence (L->B);
      return TRUE;
    }
  *out = g_ptr_array_new_full (n, g_object_unref);

  mark = push_key (L, "evidence");
  nhs_json_iter_init (&iter, L->doc, array);
  for (guint i = 0; i < n; i++)
    {
      gsize imark = push_index (L, i);
      g_autoptr(NhsEvidence) ev = g_object_new (NHS_TYPE_EVIDENCE, NULL);
      const NhsJsonNode *obj = NULL;
      const char *article_id, *source_id, *quote, *note;

      if (!next_object (L, &iter, &obj) ||
          !get_string (L, obj, "article", FALSE, &article_id) ||
          !get_string (L, obj, "source", FALSE, &source_id) ||
          !get_string (L, obj, "quote", article_id != NULL, &quote) ||
          !get_string (L, obj, "note", FALSE, &note))
        return FALSE;

      if (article_id == NULL && source_id == NULL)
        return fail (L, NHS_DATASET_ERROR_MISSING,
                     _("evidence needs an “article” (with a “quote”) or a “source”"));
      if (article_id != NULL && source_id != NULL)
        return fail (L, NHS_DATASET_ERROR_VALUE,
                     _("evidence names both an article and a source; give one of them"));

      if (article_id != NULL)
        {
          NhsArticle *article = g_hash_table_lookup (L->ds->article_by_id, article_id);

          if (article == NULL)
            {
              push_key (L, "article");
              return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no article with the id “%s”"), ex (L, article_id));
            }
          if (!quote_has_a_word (quote))
            {
              push_key (L, "quote");
              if (*quote == '\0')
                return fail (L, NHS_DATASET_ERROR_QUOTE,
                             _("the quote is empty: quote at least a word of the article “%s”"), article_id);
              return fail (L, NHS_DATASET_ERROR_QUOTE,
                           _("the quote has no word in it, only spaces or punctuation: quote at least a word of the article “%s”"),
                           article_id);
            }
          ev->quote = _nhs_dataset_builder_intern (L->B, quote);
          switch (find_quote (L, article, ev->quote, &ev->quote_start, &ev->quote_end))
            {
            case QUOTE_FOUND:
              break;
            case QUOTE_INSIDE_WORDS:
              push_key (L, "quote");
              return fail (L, NHS_DATASET_ERROR_QUOTE,
                           _("the quote begins or ends in the middle of a word of the article “%s”: quote whole words"),
                           article_id);
            case QUOTE_NOT_FOUND:
            default:
              push_key (L, "quote");
              return fail (L, NHS_DATASET_ERROR_QUOTE,
                           _("the quote does not occur word for word in the article “%s”"), article_id);
            }
          ev->article = g_object_ref (article);
          if (!L->detached)
            {
              g_ptr_array_add (L->ds->quotes[article->index], ev);
              if (L->ds->citations[article->index]->len == 0 ||
                  g_ptr_array_index (L->ds->citations[article->index],
                                     L->ds->citations[article->index]->len - 1) != owner)
                g_ptr_array_add (L->ds->citations[article->index], owner);
            }
        }
      else
        {
          NhsSource *source = g_hash_table_lookup (L->ds->source_by_id, source_id);

          if (source == NULL)
            {
              push_key (L, "source");
              return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no source with the id “%s”"), ex (L, source_id));
            }
          ev->source = g_object_ref (source);
        }
      if (ev->quote == NULL)
        ev->quote = _nhs_dataset_builder_intern (L->B, quote);
      ev->note = _nhs_dataset_builder_intern (L->B, note);
      ev->owner = owner;
      g_ptr_array_add (*out, g_steal_pointer (&ev));
      pop (L, imark);
    }
  pop (L, mark);
  return TRUE;
}

static gboolean
load_event (Loader            *L,
            const NhsJsonNode *obj,
            NhsEvent          *event)
{
  const char *id, *title, *summary, *outcome;
  const NhsJsonNode *groups, *tags;
  int kind = 0, status = NHS_EVENT_STATUS_HAPPENED;
  const NhsWhen *start, *end;
  g_autoptr(GHashTable) seen = NULL;
  gsize mark;

  if (!check_id (L, obj, L->ds->event_by_id, FALSE, &id) ||
      !get_enum (L, obj, "kind", TRUE, NHS_TYPE_EVENT_KIND, &kind) ||
      !get_array (L, obj, "groups", TRUE, &groups) ||
      !get_string (L, obj, "title", TRUE, &title) ||
      !get_string (L, obj, "summary", FALSE, &summary) ||
      !get_string (L, obj, "outcome", FALSE, &outcome) ||
      !get_enum (L, obj, "status", FALSE, NHS_TYPE_EVENT_STATUS, &status) ||
      !get_array (L, obj, "tags", FALSE, &tags) ||
      !get_when (L, obj, "start", TRUE, TRUE, &start) ||
      !get_when (L, obj, "end", FALSE, TRUE, &end))
    return FALSE;

  _nhs_event_set_text (event, id, title, summary, outcome);
  event->kind = kind;
  event->status = status;
  event->start = _nhs_when_ref (start);
  event->end = _nhs_when_ref (end);
  event->start_is_date = start->is_date;
  event->end_is_date = end != NULL && end->is_date;

  if (_nhs_when_ends_before (start, end))
    {
      push_key (L, "end");
      return fail (L, NHS_DATASET_ERROR_RANGE, _("the event ends before it starts"));
    }

  mark = push_key (L, "groups");
  if (groups->n == 0)
    return fail (L, NHS_DATASET_ERROR_VALUE, _("an event needs at least one group"));
  g_ptr_array_set_size (L->scratch, 0);
  /* a long list is checked for repeats through a set, not by scanning the
   * list for each id (quadratic: hours for a file listing millions) */
  if (groups->n > 16)
    seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < groups->n; i++)
    {
      const NhsJsonNode *node = &groups->v.items[i];
      NhsGroup *group;
      gsize gmark = push_index (L, i);

      if (!is_string (node))
        return fail (L, NHS_DATASET_ERROR_TYPE, _("expected a group id, found %s"), node_type_words (node));
      group = g_hash_table_lookup (L->ds->group_by_id, node->v.string);
      if (group == NULL)
        return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no group with the id “%s”"),
                     ex (L, node->v.string));
      if (seen ? g_hash_table_add (seen, group) : !g_ptr_array_find (L->scratch, group, NULL))
        g_ptr_array_add (L->scratch, group);
      pop (L, gmark);
    }
  event->groups = _nhs_dataset_builder_group_set (L->B, L->scratch);
  pop (L, mark);

  if (tags != NULL)
    {
      mark = push_key (L, "tags");
      g_ptr_array_set_size (L->scratch, 0);
      for (guint i = 0; i < tags->n; i++)
        {
          const NhsJsonNode *node = &tags->v.items[i];
          if (!is_string (node))
            {
              push_index (L, i);
              return fail (L, NHS_DATASET_ERROR_TYPE, _("expected a string, found %s"), node_type_words (node));
            }
          g_ptr_array_add (L->scratch, (gpointer) node->v.string);
        }
      event->tags = _nhs_dataset_builder_tag_set (L->B, L->scratch);
      pop (L, mark);
    }

  if (!load_evidence (L, obj, G_OBJECT (event), &event->evidence))
    return FALSE;

  _nhs_dataset_builder_finish_event (L->B, event, start, end);
  return TRUE;
}

static int
event_cmp (gconstpointer a,
           gconstpointer b)
{
  NhsEvent *ea = *(NhsEvent **) a, *eb = *(NhsEvent **) b;

  if (ea->start_us != eb->start_us)
    return ea->start_us < eb->start_us ? -1 : 1;
  if (ea->end_us != eb->end_us)
    return ea->end_us < eb->end_us ? -1 : 1;
  return strcmp (ea->id, eb->id);
}

static gboolean
load_events (Loader *L, const NhsJsonNode *array)
{
  guint n = array->n;
  NhsDataset *ds = L->ds;
  NhsJsonIter iter;

  g_ptr_array_set_size (ds->event_array, 0);
  nhs_json_iter_init (&iter, L->doc, array);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      NhsEvent *event = g_object_new (NHS_TYPE_EVENT, NULL);
      const NhsJsonNode *obj = NULL;

      g_ptr_array_add (ds->event_array, event);
      if (!next_object (L, &iter, &obj) || !load_event (L, obj, event))
        return FALSE;
      g_hash_table_insert (ds->event_by_id, event->id, event);
      pop (L, mark);

      if ((i & 1023) == 1023)
        {
          if (check_cancelled (L))
            return FALSE;
          if (L->progress)
            L->progress (PROGRESS_PARSED + (PROGRESS_EVENTS - PROGRESS_PARSED) * i / n, L->progress_data);
        }
    }

  /* Most files list their events in order already: a look costs n, a sort
   * n log n */
  for (guint i = 1; i < ds->event_array->len; i++)
    if (event_cmp (&g_ptr_array_index (ds->event_array, i - 1), &g_ptr_array_index (ds->event_array, i)) > 0)
      {
        g_ptr_array_sort (ds->event_array, event_cmp);
        break;
      }
  for (guint i = 0; i < ds->event_array->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (ds->event_array, i);
      event->index = i;
      ds->min_us = i == 0 ? event->start_us : MIN (ds->min_us, event->start_us);
      ds->max_us = i == 0 ? event->end_us : MAX (ds->max_us, event->end_us);
    }
  return TRUE;
}

/* One figure object, read into figure (the caller files it) */
static gboolean
load_figure (Loader            *L,
             const NhsJsonNode *obj,
             NhsFigure         *figure)
{
  const char *id, *group_id, *event_id, *period, *basis, *claimant, *label;
  const char *confidence, *headline, *nature, *adds_to;
  const NhsWhen *date;
  int metric = 0, unit = 0;

  if (!check_id (L, obj, L->ds->figure_by_id, FALSE, &id) ||
      !get_enum (L, obj, "metric", TRUE, NHS_TYPE_FIGURE_METRIC, &metric) ||
      !get_string (L, obj, "group", FALSE, &group_id) ||
      !get_when (L, obj, "date", TRUE, FALSE, &date) ||
      !get_string (L, obj, "period", FALSE, &period) ||
      !get_number (L, obj, "value", &figure->value) ||
      !get_enum (L, obj, "unit", TRUE, NHS_TYPE_FIGURE_UNIT, &unit) ||
      !get_string (L, obj, "basis", FALSE, &basis) ||
      !get_string (L, obj, "claimant", FALSE, &claimant) ||
      !get_string (L, obj, "label", FALSE, &label) ||
      !get_string (L, obj, "event", FALSE, &event_id) ||
      !get_string (L, obj, "confidence", FALSE, &confidence) ||
      !get_string (L, obj, "headline", FALSE, &headline) ||
      !get_string (L, obj, "nature", FALSE, &nature) ||
      !get_string (L, obj, "adds-to", FALSE, &adds_to))
    return FALSE;

  if (group_id != NULL)
    {
      NhsGroup *group = g_hash_table_lookup (L->ds->group_by_id, group_id);
      if (group == NULL)
        {
          push_key (L, "group");
          return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no group with the id “%s”"), ex (L, group_id));
        }
      figure->group = g_object_ref (group);
    }
  if (event_id != NULL)
    {
      NhsEvent *event = g_hash_table_lookup (L->ds->event_by_id, event_id);
      if (event == NULL)
        {
          push_key (L, "event");
          return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no event with the id “%s”"), ex (L, event_id));
        }
      figure->event = g_object_ref (event);
    }

  figure->date = _nhs_when_ref (date);
  figure->id = g_strdup (id);
  figure->metric = metric;
  figure->unit = unit;
  figure->period = _nhs_dataset_builder_intern (L->B, period);
  figure->basis = _nhs_dataset_builder_intern (L->B, basis);
  figure->claimant = _nhs_dataset_builder_intern (L->B, claimant);
  figure->label = _nhs_dataset_builder_intern (L->B, label);
  figure->confidence = _nhs_dataset_builder_intern (L->B, confidence);
  figure->headline = _nhs_dataset_builder_intern (L->B, headline);
  figure->nature = _nhs_dataset_builder_intern (L->B, nature);
  figure->adds_to = _nhs_dataset_builder_intern (L->B, adds_to);
  return load_evidence (L, obj, G_OBJECT (figure), &figure->evidence);
}

static gboolean
load_figures (Loader *L, const NhsJsonNode *array)
{
  guint n = array->n;
  NhsJsonIter iter;

  nhs_json_iter_init (&iter, L->doc, array);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      g_autoptr(NhsFigure) figure = g_object_new (NHS_TYPE_FIGURE, NULL);
      const NhsJsonNode *obj = NULL;

      if (!next_object (L, &iter, &obj) || !load_figure (L, obj, figure))
        return FALSE;
      g_hash_table_insert (L->ds->figure_by_id, figure->id, figure);
      g_ptr_array_add (L->ds->figure_array, g_object_ref (figure));
      pop (L, mark);

      if ((i & 1023) == 1023)
        {
          if (check_cancelled (L))
            return FALSE;
          if (L->progress)
            L->progress (PROGRESS_EVENTS + (PROGRESS_FIGURES - PROGRESS_EVENTS) * i / n, L->progress_data);
        }
    }
  return TRUE;
}

static int
evidence_cmp (gconstpointer a,
              gconstpointer b)
{
  NhsEvidence *ea = *(NhsEvidence **) a, *eb = *(NhsEvidence **) b;

  return (ea->quote_start > eb->quote_start) - (ea->quote_start < eb->quote_start);
}

/* }}} */
/* Top level {{{ */

static gboolean
load_header (Loader *L, const NhsJsonNode *root)
{
  const char *format, *title, *description, *tz_id;
  const NhsWhen *updated;
  const NhsJsonNode *node;
  gsize mark;

  mark = push_key (L, "format");
  node = nhs_json_object_get (root, "format");
  if (node == NULL || !is_string (node))
    return fail (L, NHS_DATASET_ERROR_FORMAT,
                 _("this is not an NHS dispute dataset: “format” must be the string “%s”"),
                 NHS_DATASET_FORMAT_NAME);
  format = node->v.string;
  pop (L, mark);
  if (strcmp (format, NHS_DATASET_FORMAT_NAME) != 0)
    {
      push_key (L, "format");
      return fail (L, NHS_DATASET_ERROR_FORMAT,
                   _("this is not an NHS dispute dataset (format is “%s”, expected “%s”)"),
                   ex (L, format), NHS_DATASET_FORMAT_NAME);
    }

  mark = push_key (L, "version");
  node = nhs_json_object_get (root, "version");
  if (node == NULL)
    return fail (L, NHS_DATASET_ERROR_VERSION, _("the required key “version” is missing"));
  if (node->type != NHS_JSON_INT)
    return fail (L, NHS_DATASET_ERROR_VERSION, _("the version must be a whole number, found %s"),
                 node_type_words (node));
  if (node->v.integer != NHS_DATASET_FORMAT_VERSION)
    {
      /* a string, as xgettext cannot read G_GINT64_FORMAT in a message */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, node->v.integer);
      return fail (L, NHS_DATASET_ERROR_VERSION,
                   _("this dataset has format version %s; this version of the app reads version %d"),
                   found, NHS_DATASET_FORMAT_VERSION);
    }
  pop (L, mark);

  if (!get_string (L, root, "title", TRUE, &title) ||
      !get_string (L, root, "description", FALSE, &description) ||
      !get_string (L, root, "timezone", FALSE, &tz_id))
    return FALSE;

  L->ds->title = g_strdup (title);
  L->ds->description = g_strdup (description);
  L->ds->timezone_id = g_strdup (tz_id ? tz_id : "Europe/London");
  L->ds->timezone = nhs_time_zone_new_checked (L->ds->timezone_id);
  if (L->ds->timezone == NULL)
    {
      push_key (L, "timezone");
      if (!nhs_time_zone_name_is_valid (L->ds->timezone_id))
        return fail (L, NHS_DATASET_ERROR_TIMEZONE,
                     _("“%s” is not the name of a time zone: use an IANA name such as Europe/London (never a file path)"),
                     L->ds->timezone_id);
      return fail (L, NHS_DATASET_ERROR_TIMEZONE,
                   _("“%s” is not a time zone this system knows (use an IANA name such as Europe/London)"),
                   L->ds->timezone_id);
    }
  _nhs_dataset_builder_set_timezone (L->B, L->ds->timezone);

  if (!get_when (L, root, "updated", FALSE, FALSE, &updated))
    return FALSE;
  L->ds->updated = _nhs_when_ref (updated);
  return TRUE;
}

/* What the reader refused, in the loader's words: file, line and column */
static void
set_json_error (Loader             *L,
                const NhsJsonError *e)
{
  int line, column;

  if (e->kind == NHS_JSON_ERROR_STOPPED)
    {
      check_cancelled (L);
      return;
    }
  if (e->kind == NHS_JSON_ERROR_EMPTY)
    {
      g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX,
                   _("%s: the file is empty"), L->name);
      return;
    }
  nhs_json_offset_to_line_column (L->text, e->offset, &line, &column);
  switch (e->kind)
    {
    case NHS_JSON_ERROR_SYNTAX:
      g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX,
                   _("%s:%d:%d: the file is not valid JSON: %s"), L->name, line, column, e->message);
      break;
    case NHS_JSON_ERROR_DUPLICATE:
      g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_DUPLICATE,
                   _("%s:%d:%d: %s: %s"), L->name, line, column, e->path, e->message);
      break;
    default:
      /* TRANSLATORS: file:line:column: what is wrong there; keep
       * "%s:%d:%d" together, as editors read it */
      g_set_error (L->error, NHS_DATASET_ERROR,
                   e->kind == NHS_JSON_ERROR_ENCODING ? NHS_DATASET_ERROR_ENCODING :
                   e->kind == NHS_JSON_ERROR_NUMBER ? NHS_DATASET_ERROR_VALUE : NHS_DATASET_ERROR_SYNTAX,
                   _("%s:%d:%d: %s"), L->name, line, column, e->message);
    }
}

static gboolean
first_pass_progress_cb (double   fraction,
                        gpointer user_data)
{
  Loader *L = user_data;

  if (L->cancellable && g_cancellable_is_cancelled (L->cancellable))
    return FALSE;
  if (L->progress)
    L->progress (PROGRESS_PARSED * fraction, L->progress_data);
  return TRUE;
}

static NhsDataset *
load (Loader *L)
{
  g_autoptr(NhsJsonDoc) doc = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  const NhsJsonNode *root;
  const NhsJsonNode *groups, *sources, *articles, *events, *figures;
  NhsJsonError json_error;

  doc = nhs_json_doc_new (L->text, L->len, NHS_DATASET_MAX_DEPTH, first_pass_progress_cb, L, &json_error);
  if (doc == NULL)
    {
      set_json_error (L, &json_error);
      nhs_json_error_clear (&json_error);
      return NULL;
    }
  L->doc = doc;
  if (L->progress)
    L->progress (PROGRESS_PARSED, L->progress_data);
  if (check_cancelled (L))
    return NULL;

  root = nhs_json_doc_get_root (doc);
  if (root->type != NHS_JSON_OBJECT)
    {
      fail (L, NHS_DATASET_ERROR_NOT_OBJECT, _("the top level must be a JSON object, found %s"),
            node_type_words (root));
      return NULL;
    }

  ds = _nhs_dataset_new ();
  ds->display_name = g_strdup (L->name);
  L->ds = ds;

  if (!load_header (L, root) ||
      !get_array (L, root, "groups", TRUE, &groups) ||
      !get_array (L, root, "sources", FALSE, &sources) ||
      !get_array (L, root, "articles", FALSE, &articles) ||
      !get_array (L, root, "events", TRUE, &events) ||
      !get_array (L, root, "figures", FALSE, &figures))
    return NULL;

  push_key (L, "groups");
  if (!load_groups (L, groups))
    return NULL;
  pop (L, 0);
  push_key (L, "sources");
  if (sources && !load_sources (L, sources))
    return NULL;
  pop (L, 0);
  push_key (L, "articles");
  if (!load_articles (L, articles ? articles : NULL))
    return NULL;
  pop (L, 0);
  push_key (L, "events");
  if (!load_events (L, events))
    return NULL;
  pop (L, 0);
  push_key (L, "figures");
  if (figures && !load_figures (L, figures))
    return NULL;
  pop (L, 0);

  for (guint i = 0; i < ds->n_articles; i++)
    g_ptr_array_sort (ds->quotes[i], evidence_cmp);

  if (L->progress)
    L->progress (1.0, L->progress_data);
  return g_steal_pointer (&ds);
}

GError *
_nhs_dataset_too_large_error (const char *name,
                              guint64     size)
{
  /* rounded up, so that a file just over the limit does not read
   * "1024 MB; the limit is 1024 MB" */
  guint64 mb = size / (1024 * 1024) + (size % (1024 * 1024) != 0);

  return g_error_new (NHS_DATASET_ERROR, NHS_DATASET_ERROR_TOO_LARGE,
                      /* TRANSLATORS: a file name, its size and the largest size opened, in megabytes */
                      _("%s is too large to open (%u MB; the limit is %u MB)"),
                      name, (guint) MIN (mb, G_MAXUINT), (guint) (NHS_DATASET_MAX_SIZE / (1024 * 1024)));
}

NhsDataset *
nhs_dataset_load_bytes (GBytes                *bytes,
                        const char            *display_name,
                        GCancellable          *cancellable,
                        NhsDatasetProgressFunc progress,
                        gpointer               progress_data,
                        GError               **error)
{
  Loader L = { 0 };
  NhsDataset *ds;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  L.text = g_bytes_get_data (bytes, &len);
  L.text = L.text ? L.text : "";
  L.len = len;
  L.name = display_name ? display_name : "<data>";
  L.error = error;
  L.cancellable = cancellable;
  L.progress = progress;
  L.progress_data = progress_data;
  L.B = _nhs_dataset_builder_new ();
  L.scratch = g_ptr_array_new ();
  L.excerpts = g_ptr_array_new_with_free_func (g_free);

  if ((goffset) len > NHS_DATASET_MAX_SIZE)
    {
      g_propagate_error (error, _nhs_dataset_too_large_error (L.name, len));
      ds = NULL;
    }
  else
    ds = load (&L);

  _nhs_dataset_builder_free (L.B);
  g_ptr_array_unref (L.scratch);
  g_ptr_array_unref (L.excerpts);
  if (L.quotes_found != NULL)
    for (guint i = 0; i < L.n_articles; i++)
      g_clear_pointer (&L.quotes_found[i], g_hash_table_unref);
  g_free (L.quotes_found);
  return ds;
}

/* }}} */
/* Checking one item {{{ */

typedef gboolean (*LoadOneFunc) (Loader *L, const NhsJsonNode *obj, gpointer item);

static gboolean
load_event_cb (Loader            *L,
               const NhsJsonNode *obj,
               gpointer           item)
{
  return load_event (L, obj, item);
}

static gboolean
load_figure_cb (Loader            *L,
                const NhsJsonNode *obj,
                gpointer           item)
{
  return load_figure (L, obj, item);
}

static gboolean
load_group_cb (Loader            *L,
               const NhsJsonNode *obj,
               gpointer           item)
{
  return load_group (L, obj, item);
}

static gboolean
load_source_cb (Loader            *L,
                const NhsJsonNode *obj,
                gpointer           item)
{
  return load_source (L, obj, item);
}

/* item (new, taken) filled from object as $.array_key[index] would be; it
 * may keep replacing_id, which by_id holds for the item it stands for */
static gpointer
build_detached (NhsDataset        *ds,
                NhsDatasetBuilder *builder,
                JsonNode          *object,
                const char        *array_key,
                guint              index,
                GHashTable        *by_id,
                const char        *replacing_id,
                GObject           *item,
                LoadOneFunc        load_one,
                char             **fail_path,
                GError           **error)
{
  Loader L = { 0 };
  g_autoptr(NhsJsonDoc) doc = NULL;
  g_autofree char *text = NULL;
  NhsJsonError json_error = { 0 };
  g_autoptr(GObject) built = item;
  gpointer replacing = NULL;
  const NhsJsonNode *root;
  gboolean ok;

  L.name = ds->display_name ? ds->display_name : "<data>";
  L.error = error;
  L.ds = ds;
  L.B = builder;
  L.scratch = g_ptr_array_new ();
  L.excerpts = g_ptr_array_new_with_free_func (g_free);
  L.n_articles = ds->n_articles;
  L.quotes_found = g_new0 (GHashTable *, MAX (ds->n_articles, 1));
  L.detached = TRUE;
  L.fail_path = fail_path;

  /* the item as the strict reader reads a file (one parser for both),
   * one level down, as in a file: the reader streams the top level's
   * arrays, and an event's groups and tags are read whole */
  {
    g_autofree char *json = json_to_string (object, FALSE);
    text = g_strconcat ("{\"item\":", json, "}", NULL);
  }
  L.text = text;
  L.len = strlen (text);
  doc = nhs_json_doc_new (text, L.len, NHS_DATASET_MAX_DEPTH, NULL, NULL, &json_error);
  if (doc == NULL)
    {
      g_set_error_literal (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX, json_error.message);
      nhs_json_error_clear (&json_error);
      g_ptr_array_unref (L.scratch);
      g_ptr_array_unref (L.excerpts);
      g_free (L.quotes_found);
      return NULL;
    }
  L.doc = doc;
  root = nhs_json_object_get (nhs_json_doc_get_root (doc), "item");
  push_key (&L, array_key);
  push_index (&L, index);

  /* the item it stands for may keep its own id */
  if (replacing_id != NULL)
    {
      replacing = g_hash_table_lookup (by_id, replacing_id);
      if (replacing != NULL)
        g_hash_table_steal (by_id, replacing_id);
    }

  if (root->type != NHS_JSON_OBJECT)
    ok = fail (&L, NHS_DATASET_ERROR_TYPE, _("expected an object, found %s"), node_type_words (root));
  else
    ok = load_one (&L, root, built);

  if (replacing != NULL)
    g_hash_table_insert (by_id, (gpointer) replacing_id, replacing);
  g_ptr_array_unref (L.scratch);
  g_ptr_array_unref (L.excerpts);
  for (guint i = 0; i < L.n_articles; i++)
    g_clear_pointer (&L.quotes_found[i], g_hash_table_unref);
  g_free (L.quotes_found);
  return ok ? g_steal_pointer (&built) : NULL;
}

NhsEvent *
_nhs_dataset_build_event (NhsDataset        *ds,
                          NhsDatasetBuilder *builder,
                          JsonNode          *object,
                          guint              index,
                          NhsEvent          *replacing,
                          char             **fail_path,
                          GError           **error)
{
  g_return_val_if_fail (NHS_IS_DATASET (ds), NULL);
  g_return_val_if_fail (object != NULL, NULL);

  return build_detached (ds, builder, object, "events", index, ds->event_by_id,
                         replacing ? replacing->id : NULL, g_object_new (NHS_TYPE_EVENT, NULL),
                         load_event_cb, fail_path, error);
}

NhsFigure *
_nhs_dataset_build_figure (NhsDataset        *ds,
                           NhsDatasetBuilder *builder,
                           JsonNode          *object,
                           guint              index,
                           NhsFigure         *replacing,
                           char             **fail_path,
                           GError           **error)
{
  g_return_val_if_fail (NHS_IS_DATASET (ds), NULL);
  g_return_val_if_fail (object != NULL, NULL);

  return build_detached (ds, builder, object, "figures", index, ds->figure_by_id,
                         replacing ? replacing->id : NULL, g_object_new (NHS_TYPE_FIGURE, NULL),
                         load_figure_cb, fail_path, error);
}

NhsGroup *
_nhs_dataset_build_group (NhsDataset        *ds,
                          NhsDatasetBuilder *builder,
                          JsonNode          *object,
                          guint              index,
                          NhsGroup          *replacing,
                          char             **fail_path,
                          GError           **error)
{
  g_return_val_if_fail (NHS_IS_DATASET (ds), NULL);
  g_return_val_if_fail (object != NULL, NULL);

  return build_detached (ds, builder, object, "groups", index, ds->group_by_id,
                         replacing ? replacing->id : NULL, g_object_new (NHS_TYPE_GROUP, NULL),
                         load_group_cb, fail_path, error);
}

NhsSource *
_nhs_dataset_build_source (NhsDataset        *ds,
                           NhsDatasetBuilder *builder,
                           JsonNode          *object,
                           guint              index,
                           NhsSource         *replacing,
                           char             **fail_path,
                           GError           **error)
{
  g_return_val_if_fail (NHS_IS_DATASET (ds), NULL);
  g_return_val_if_fail (object != NULL, NULL);

  return build_detached (ds, builder, object, "sources", index, ds->source_by_id,
                         replacing ? replacing->id : NULL, g_object_new (NHS_TYPE_SOURCE, NULL),
                         load_source_cb, fail_path, error);
}

/* }}} */
