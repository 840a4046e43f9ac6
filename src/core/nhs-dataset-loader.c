/* nhs-dataset-loader.c: reading and validating dataset files
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over json-glib's tree builds the objects and checks every rule of
 * the dataset format. The path of the value being read is kept in a GString
 * (cheap to append to and truncate), so any error names it; line and column
 * are looked up in the text only when an error happens.
 */
#define G_LOG_DOMAIN "nhs-dataset-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-json-locate.h"
#include "nhs-model-private.h"

G_DEFINE_QUARK (nhs-dataset-error-quark, nhs_dataset_error)

typedef struct
{
  const char *text;
  gsize len;
  const char *name;
  GString *path;
  GError **error;
  NhsDataset *ds;
  GTimeZone *tz;
  GHashTable *offset_zones;     /* "+01:00" → GTimeZone */
  GCancellable *cancellable;
  NhsDatasetProgressFunc progress;
  gpointer progress_data;
} Loader;

/* Path handling {{{ */

static gsize
push_key (Loader *L, const char *key)
{
  gsize mark = L->path->len;

  g_string_append_c (L->path, '.');
  g_string_append (L->path, key);
  return mark;
}

static gsize
push_index (Loader *L, guint index)
{
  gsize mark = L->path->len;

  g_string_append_printf (L->path, "[%u]", index);
  return mark;
}

static void
pop (Loader *L, gsize mark)
{
  g_string_truncate (L->path, mark);
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Loader     *L,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (L->text && nhs_json_locate (L->text, L->len, L->path->str, &line, &column))
    /* TRANSLATORS: file:line:column: $.json.path: what is wrong there;
     * keep "%s:%d:%d" together, as editors read it */
    g_set_error (L->error, NHS_DATASET_ERROR, code, _("%s:%d:%d: %s: %s"),
                 L->name, line, column, L->path->str, message);
  else
    /* TRANSLATORS: file: $.json.path: what is wrong there */
    g_set_error (L->error, NHS_DATASET_ERROR, code, _("%s: %s: %s"),
                 L->name, L->path->str, message);
  return FALSE;
}

/* }}} */
/* Typed member access {{{ */

static const char *
node_type_words (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("a string");
    case G_TYPE_BOOLEAN: return _("true or false");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE: return _("a number");
    default: return _("a value of an unknown type");
    }
}

/* Returns the member, NULL when absent or null. Sets *ok = FALSE and the
 * error when required and absent. Leaves the path pointing at the member. */
static JsonNode *
member (Loader     *L,
        JsonObject *object,
        const char *key,
        gboolean    required,
        gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, key);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        *ok = fail (L, NHS_DATASET_ERROR_MISSING, _("the required key “%s” is missing"), key);
      return NULL;
    }
  return node;
}

static gboolean
get_string (Loader      *L,
            JsonObject  *object,
            const char  *key,
            gboolean     required,
            const char **out)
{
  gboolean ok;
  gsize mark = push_key (L, key);
  JsonNode *node = member (L, object, key, required, &ok);

  *out = NULL;
  if (!ok)
    {
      /* a missing key is reported at the object that lacks it */
      return FALSE;
    }
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (L, NHS_DATASET_ERROR_TYPE, _("expected a string, found %s"), node_type_words (node));
      *out = json_node_get_string (node);
    }
  pop (L, mark);
  return TRUE;
}

static gboolean
get_array (Loader      *L,
           JsonObject  *object,
           const char  *key,
           gboolean     required,
           JsonArray  **out)
{
  gboolean ok;
  gsize mark = push_key (L, key);
  JsonNode *node = member (L, object, key, required, &ok);

  *out = NULL;
  if (!ok)
    return FALSE;
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (L, NHS_DATASET_ERROR_TYPE, _("expected an array, found %s"), node_type_words (node));
      *out = json_node_get_array (node);
    }
  pop (L, mark);
  return TRUE;
}

static gboolean
get_object_at (Loader      *L,
               JsonArray   *array,
               guint        index,
               JsonObject **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (L, NHS_DATASET_ERROR_TYPE, _("expected an object, found %s"), node_type_words (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
get_enum (Loader     *L,
          JsonObject *object,
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
                   nick, allowed->str);
    }
  pop (L, mark);
  return TRUE;
}

static gboolean
get_number (Loader     *L,
            JsonObject *object,
            const char *key,
            double     *out)
{
  gboolean ok;
  gsize mark = push_key (L, key);
  JsonNode *node = member (L, object, key, TRUE, &ok);
  GType type;

  if (!ok)
    return FALSE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
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
parse_digits (const char **p, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

static GTimeZone *
offset_zone (Loader *L, const char *offset)
{
  GTimeZone *tz = g_hash_table_lookup (L->offset_zones, offset);

  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (offset);
      if (tz == NULL)
        return NULL;
      g_hash_table_insert (L->offset_zones, g_strdup (offset), tz);
    }
  return tz;
}

/* Parses a date or, when allow_time, a date-time; returns it in the
 * dataset's zone. *is_date tells which it was. */
static GDateTime *
parse_when (Loader     *L,
            const char *text,
            gboolean    allow_time,
            gboolean   *is_date)
{
  const char *p = text;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  double fsec = 0;
  GTimeZone *zone = L->tz;
  g_autoptr(GDateTime) dt = NULL;

  *is_date = TRUE;
  if (!parse_digits (&p, 4, &y) || *p++ != '-' || !parse_digits (&p, 2, &mo) ||
      *p++ != '-' || !parse_digits (&p, 2, &d))
    return NULL;
  if (y < 1 || !g_date_valid_dmy (d, mo, y))
    return NULL;

  if (*p == '\0')
    return g_date_time_new (L->tz, y, mo, d, 0, 0, 0);

  if (!allow_time || *p++ != 'T')
    return NULL;
  *is_date = FALSE;
  if (!parse_digits (&p, 2, &h) || *p++ != ':' || !parse_digits (&p, 2, &mi))
    return NULL;
  if (*p == ':')
    {
      p++;
      if (!parse_digits (&p, 2, &sec))
        return NULL;
      fsec = sec;
      if (*p == '.')
        {
          double scale = 0.1;
          p++;
          if (!g_ascii_isdigit (*p))
            return NULL;
          while (g_ascii_isdigit (*p))
            {
              fsec += (*p - '0') * scale;
              scale /= 10;
              p++;
            }
        }
    }
  if (h > 23 || mi > 59 || sec > 59)
    return NULL;

  if (*p == 'Z' && p[1] == '\0')
    zone = offset_zone (L, "Z");
  else if ((*p == '+' || *p == '-') && strlen (p) == 6)
    {
      const char *q = p + 1;
      int oh, om;
      if (!parse_digits (&q, 2, &oh) || *q++ != ':' || !parse_digits (&q, 2, &om) || oh > 23 || om > 59)
        return NULL;
      zone = offset_zone (L, p);
    }
  else if (*p != '\0')
    return NULL;
  if (zone == NULL)
    return NULL;

  dt = g_date_time_new (zone, y, mo, d, h, mi, fsec);
  if (dt == NULL)
    return NULL;
  return zone == L->tz ? g_steal_pointer (&dt) : g_date_time_to_timezone (dt, L->tz);
}

static gboolean
get_when (Loader      *L,
          JsonObject  *object,
          const char  *key,
          gboolean     required,
          gboolean     allow_time,
          GDateTime  **out,
          gboolean    *is_date)
{
  const char *text;
  gboolean dummy;
  gsize mark;

  *out = NULL;
  if (!get_string (L, object, key, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  mark = push_key (L, key);
  *out = parse_when (L, text, allow_time, is_date ? is_date : &dummy);
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
check_id (Loader      *L,
          JsonObject  *object,
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
  if (strict)
    for (const char *c = *out; *c; c++)
      if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
        return fail (L, NHS_DATASET_ERROR_VALUE,
                     _("“%s” is not a valid group id (use lower-case letters, digits and “-”)"), *out);
  if (g_hash_table_contains (table, *out))
    return fail (L, NHS_DATASET_ERROR_DUPLICATE, _("the id “%s” is used twice"), *out);
  pop (L, mark);
  return TRUE;
}

static gboolean
check_cancelled (Loader *L)
{
  if (L->cancellable && g_cancellable_is_cancelled (L->cancellable))
    {
      g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_CANCELLED,
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

static gboolean
load_groups (Loader *L, JsonArray *array)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    return fail (L, NHS_DATASET_ERROR_VALUE, _("a dataset needs at least one group"));

  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      g_autoptr(NhsGroup) group = g_object_new (NHS_TYPE_GROUP, NULL);
      JsonObject *obj;
      const char *id, *name, *short_name, *color;

      if (!get_object_at (L, array, i, &obj) ||
          !check_id (L, obj, L->ds->group_by_id, TRUE, &id) ||
          !get_string (L, obj, "name", TRUE, &name) ||
          !get_string (L, obj, "short_name", FALSE, &short_name) ||
          !get_string (L, obj, "color", FALSE, &color))
        return FALSE;
      if (color != NULL && !is_hex_color (color))
        {
          push_key (L, "color");
          return fail (L, NHS_DATASET_ERROR_VALUE, _("“%s” is not a colour of the form #rrggbb"), color);
        }
      group->id = g_strdup (id);
      group->name = g_strdup (name);
      group->short_name = g_strdup (short_name);
      group->color = color ? g_ascii_strdown (color, -1) : NULL;
      group->index = i;
      g_hash_table_insert (L->ds->group_by_id, group->id, group);
      g_list_store_append (L->ds->groups, group);
      pop (L, mark);
    }
  return TRUE;
}

static gboolean
load_sources (Loader *L, JsonArray *array)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      g_autoptr(NhsSource) source = g_object_new (NHS_TYPE_SOURCE, NULL);
      JsonObject *obj;
      const char *id, *title, *publisher, *url;
      int kind = NHS_SOURCE_KIND_OTHER;

      if (!get_object_at (L, array, i, &obj) ||
          !check_id (L, obj, L->ds->source_by_id, FALSE, &id) ||
          !get_string (L, obj, "title", FALSE, &title) ||
          !get_string (L, obj, "publisher", FALSE, &publisher) ||
          !get_string (L, obj, "url", FALSE, &url) ||
          !get_when (L, obj, "published", FALSE, FALSE, &source->published, NULL) ||
          !get_enum (L, obj, "kind", FALSE, NHS_TYPE_SOURCE_KIND, &kind))
        return FALSE;
      source->id = g_strdup (id);
      source->title = g_strdup (title ? title : (url ? url : id));
      source->publisher = g_strdup (publisher);
      source->url = g_strdup (url);
      source->kind = kind;
      g_hash_table_insert (L->ds->source_by_id, source->id, source);
      g_list_store_append (L->ds->sources, source);
      pop (L, mark);
    }
  return TRUE;
}

static gboolean
load_articles (Loader *L, JsonArray *array)
{
  guint n = array ? json_array_get_length (array) : 0;

  L->ds->n_articles = n;
  L->ds->citations = g_new0 (GPtrArray *, MAX (n, 1));
  L->ds->quotes = g_new0 (GPtrArray *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      g_autoptr(NhsArticle) article = g_object_new (NHS_TYPE_ARTICLE, NULL);
      JsonObject *obj;
      const char *id, *title, *publisher, *url, *body, *description;

      L->ds->citations[i] = g_ptr_array_new ();
      L->ds->quotes[i] = g_ptr_array_new ();

      if (!get_object_at (L, array, i, &obj) ||
          !check_id (L, obj, L->ds->article_by_id, FALSE, &id) ||
          !get_string (L, obj, "title", TRUE, &title) ||
          !get_string (L, obj, "publisher", FALSE, &publisher) ||
          !get_string (L, obj, "url", FALSE, &url) ||
          !get_string (L, obj, "description", FALSE, &description) ||
          !get_when (L, obj, "published", FALSE, FALSE, &article->published, NULL) ||
          !get_string (L, obj, "body", TRUE, &body))
        return FALSE;
      article->id = g_strdup (id);
      article->title = g_strdup (title);
      article->publisher = g_strdup (publisher);
      article->url = g_strdup (url);
      article->description = g_strdup (description);
      article->body = g_strdup (body);
      article->index = i;
      g_hash_table_insert (L->ds->article_by_id, article->id, article);
      g_list_store_append (L->ds->articles, article);
      pop (L, mark);
    }
  return TRUE;
}

static gboolean
load_evidence (Loader     *L,
               JsonObject *owner_obj,
               GObject    *owner,
               GPtrArray **out)
{
  JsonArray *array;
  guint n;
  gsize mark;

  if (!get_array (L, owner_obj, "evidence", FALSE, &array))
    return FALSE;
  n = array ? json_array_get_length (array) : 0;
  *out = g_ptr_array_new_full (n, g_object_unref);
  if (array == NULL)
    return TRUE;

  mark = push_key (L, "evidence");
  for (guint i = 0; i < n; i++)
    {
      gsize imark = push_index (L, i);
      g_autoptr(NhsEvidence) ev = g_object_new (NHS_TYPE_EVIDENCE, NULL);
      JsonObject *obj;
      const char *article_id, *source_id, *quote, *note;

      if (!get_object_at (L, array, i, &obj) ||
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
          const char *found;

          if (article == NULL)
            {
              push_key (L, "article");
              return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no article with the id “%s”"), article_id);
            }
          found = *quote ? strstr (article->body, quote) : NULL;
          if (found == NULL)
            {
              push_key (L, "quote");
              return fail (L, NHS_DATASET_ERROR_QUOTE,
                           _("the quote does not occur word for word in the article “%s”"), article_id);
            }
          ev->article = g_object_ref (article);
          ev->quote_start = (int) g_utf8_pointer_to_offset (article->body, found);
          ev->quote_end = ev->quote_start + (int) g_utf8_strlen (quote, -1);
          g_ptr_array_add (L->ds->quotes[article->index], ev);
          if (L->ds->citations[article->index]->len == 0 ||
              g_ptr_array_index (L->ds->citations[article->index],
                                 L->ds->citations[article->index]->len - 1) != owner)
            g_ptr_array_add (L->ds->citations[article->index], owner);
        }
      else
        {
          NhsSource *source = g_hash_table_lookup (L->ds->source_by_id, source_id);

          if (source == NULL)
            {
              push_key (L, "source");
              return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no source with the id “%s”"), source_id);
            }
          ev->source = g_object_ref (source);
        }
      ev->quote = g_strdup (quote);
      ev->note = g_strdup (note);
      ev->owner = owner;
      g_ptr_array_add (*out, g_steal_pointer (&ev));
      pop (L, imark);
    }
  pop (L, mark);
  return TRUE;
}

static gboolean
load_event (Loader     *L,
            JsonObject *obj,
            NhsEvent   *event)
{
  const char *id, *title, *summary, *outcome;
  JsonArray *groups, *tags;
  int kind = 0, status = NHS_EVENT_STATUS_HAPPENED;
  gboolean start_is_date = FALSE, end_is_date = FALSE;
  gsize mark;

  if (!check_id (L, obj, L->ds->event_by_id, FALSE, &id) ||
      !get_enum (L, obj, "kind", TRUE, NHS_TYPE_EVENT_KIND, &kind) ||
      !get_array (L, obj, "groups", TRUE, &groups) ||
      !get_string (L, obj, "title", TRUE, &title) ||
      !get_string (L, obj, "summary", FALSE, &summary) ||
      !get_string (L, obj, "outcome", FALSE, &outcome) ||
      !get_enum (L, obj, "status", FALSE, NHS_TYPE_EVENT_STATUS, &status) ||
      !get_array (L, obj, "tags", FALSE, &tags) ||
      !get_when (L, obj, "start", TRUE, TRUE, &event->start, &start_is_date) ||
      !get_when (L, obj, "end", FALSE, TRUE, &event->end, &end_is_date))
    return FALSE;

  event->id = g_strdup (id);
  event->kind = kind;
  event->status = status;
  event->title = g_strdup (title);
  event->summary = g_strdup (summary);
  event->outcome = g_strdup (outcome);
  event->start_is_date = start_is_date;
  event->end_is_date = event->end != NULL && end_is_date;

  if (event->end != NULL)
    {
      /* compare as intervals: a date-only end runs to the end of its day */
      g_autoptr(GDateTime) end_cmp = end_is_date ? g_date_time_add_days (event->end, 1) : g_date_time_ref (event->end);
      if (g_date_time_compare (end_cmp, event->start) < 0)
        {
          push_key (L, "end");
          return fail (L, NHS_DATASET_ERROR_RANGE, _("the event ends before it starts"));
        }
    }

  mark = push_key (L, "groups");
  if (json_array_get_length (groups) == 0)
    return fail (L, NHS_DATASET_ERROR_VALUE, _("an event needs at least one group"));
  event->groups = g_ptr_array_new_full (json_array_get_length (groups), g_object_unref);
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonNode *node = json_array_get_element (groups, i);
      NhsGroup *group;
      gsize gmark = push_index (L, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (L, NHS_DATASET_ERROR_TYPE, _("expected a group id, found %s"), node_type_words (node));
      group = g_hash_table_lookup (L->ds->group_by_id, json_node_get_string (node));
      if (group == NULL)
        return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no group with the id “%s”"),
                     json_node_get_string (node));
      if (!nhs_event_has_group (event, group))
        g_ptr_array_add (event->groups, g_object_ref (group));
      pop (L, gmark);
    }
  pop (L, mark);

  if (tags != NULL)
    {
      guint n = json_array_get_length (tags);
      mark = push_key (L, "tags");
      event->tags = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (tags, i);
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              push_index (L, i);
              return fail (L, NHS_DATASET_ERROR_TYPE, _("expected a string, found %s"), node_type_words (node));
            }
          event->tags[i] = g_strdup (json_node_get_string (node));
        }
      pop (L, mark);
    }

  if (!load_evidence (L, obj, G_OBJECT (event), &event->evidence))
    return FALSE;

  _nhs_event_compute_times (event);
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
load_events (Loader *L, JsonArray *array)
{
  guint n = json_array_get_length (array);
  NhsDataset *ds = L->ds;

  g_ptr_array_set_size (ds->event_array, 0);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      NhsEvent *event = g_object_new (NHS_TYPE_EVENT, NULL);
      JsonObject *obj;

      /* owned by event_array until it moves into the list store */
      g_ptr_array_add (ds->event_array, event);
      if (!get_object_at (L, array, i, &obj) || !load_event (L, obj, event))
        goto failed;
      g_hash_table_insert (ds->event_by_id, event->id, event);
      pop (L, mark);

      if ((i & 1023) == 1023)
        {
          if (check_cancelled (L))
            goto failed;
          if (L->progress)
            L->progress (0.5 + 0.45 * (double) i / n, L->progress_data);
        }
    }

  g_ptr_array_sort (ds->event_array, event_cmp);
  for (guint i = 0; i < ds->event_array->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (ds->event_array, i);
      event->index = i;
      ds->min_us = i == 0 ? event->start_us : MIN (ds->min_us, event->start_us);
      ds->max_us = i == 0 ? event->end_us : MAX (ds->max_us, event->end_us);
    }
  g_list_store_splice (ds->events, 0, 0, ds->event_array->pdata, ds->event_array->len);
  /* the store holds them now; event_array stays a borrowed mirror */
  for (guint i = 0; i < ds->event_array->len; i++)
    g_object_unref (g_ptr_array_index (ds->event_array, i));
  return TRUE;

failed:
  for (guint i = 0; i < ds->event_array->len; i++)
    g_object_unref (g_ptr_array_index (ds->event_array, i));
  g_ptr_array_set_size (ds->event_array, 0);
  return FALSE;
}

static gboolean
load_figures (Loader *L, JsonArray *array)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (L, i);
      g_autoptr(NhsFigure) figure = g_object_new (NHS_TYPE_FIGURE, NULL);
      JsonObject *obj;
      const char *id, *group_id, *event_id, *period, *basis, *claimant, *label;
      int metric = 0, unit = 0;

      if (!get_object_at (L, array, i, &obj) ||
          !check_id (L, obj, L->ds->figure_by_id, FALSE, &id) ||
          !get_enum (L, obj, "metric", TRUE, NHS_TYPE_FIGURE_METRIC, &metric) ||
          !get_string (L, obj, "group", FALSE, &group_id) ||
          !get_when (L, obj, "date", TRUE, FALSE, &figure->date, NULL) ||
          !get_string (L, obj, "period", FALSE, &period) ||
          !get_number (L, obj, "value", &figure->value) ||
          !get_enum (L, obj, "unit", TRUE, NHS_TYPE_FIGURE_UNIT, &unit) ||
          !get_string (L, obj, "basis", FALSE, &basis) ||
          !get_string (L, obj, "claimant", FALSE, &claimant) ||
          !get_string (L, obj, "label", FALSE, &label) ||
          !get_string (L, obj, "event", FALSE, &event_id))
        return FALSE;

      if (group_id != NULL)
        {
          NhsGroup *group = g_hash_table_lookup (L->ds->group_by_id, group_id);
          if (group == NULL)
            {
              push_key (L, "group");
              return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no group with the id “%s”"), group_id);
            }
          figure->group = g_object_ref (group);
        }
      if (event_id != NULL)
        {
          NhsEvent *event = g_hash_table_lookup (L->ds->event_by_id, event_id);
          if (event == NULL)
            {
              push_key (L, "event");
              return fail (L, NHS_DATASET_ERROR_REFERENCE, _("there is no event with the id “%s”"), event_id);
            }
          figure->event = g_object_ref (event);
        }

      figure->id = g_strdup (id);
      figure->metric = metric;
      figure->unit = unit;
      figure->period = g_strdup (period);
      figure->basis = g_strdup (basis);
      figure->claimant = g_strdup (claimant);
      figure->label = g_strdup (label);
      if (!load_evidence (L, obj, G_OBJECT (figure), &figure->evidence))
        return FALSE;
      g_hash_table_insert (L->ds->figure_by_id, figure->id, figure);
      g_list_store_append (L->ds->figures, figure);
      pop (L, mark);
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

/* json-glib 1.6 recurses once per nesting level: refuse absurd depth before
 * it can exhaust the stack. */
static gboolean
check_depth (Loader *L)
{
  gsize depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < L->len; i++)
    {
      char c = L->text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > NHS_DATASET_MAX_DEPTH)
            {
              int line, column;
              nhs_text_offset_to_line_column (L->text, i, &line, &column);
              g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX,
                           _("%s:%d:%d: the JSON is nested more than %d levels deep"),
                           L->name, line, column, NHS_DATASET_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static gboolean
check_encoding (Loader *L)
{
  const char *end = NULL;

  if (!g_utf8_validate_len (L->text, L->len, &end))
    {
      int line, column;
      nhs_text_offset_to_line_column (L->text, (gsize) (end - L->text), &line, &column);
      g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_ENCODING,
                   _("%s:%d:%d: the file is not valid UTF-8 text"), L->name, line, column);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_json (Loader *L, JsonParser *parser)
{
  g_autoptr(GError) local_error = NULL;

  if (L->len == 0 || strspn (L->text, " \t\r\n") == L->len)
    {
      g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX,
                   _("%s: the file is empty"), L->name);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, L->text, (gssize) L->len, &local_error))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: …"; name the file */
      const char *msg = local_error->message;
      if (g_str_has_prefix (msg, "<data>"))
        msg += strlen ("<data>");
      else
        msg = NULL;
      if (msg)
        g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX,
                     _("%s%s (the file is not valid JSON)"), L->name, msg);
      else
        g_set_error (L->error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_SYNTAX,
                     _("%s: the file is not valid JSON: %s"), L->name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_header (Loader *L, JsonObject *root)
{
  const char *format, *title, *description, *tz_id;
  JsonNode *node;
  gsize mark;

  mark = push_key (L, "format");
  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (L, NHS_DATASET_ERROR_FORMAT,
                 _("this is not an NHS dispute dataset: “format” must be the string “%s”"),
                 NHS_DATASET_FORMAT_NAME);
  format = json_node_get_string (node);
  pop (L, mark);
  if (strcmp (format, NHS_DATASET_FORMAT_NAME) != 0)
    {
      push_key (L, "format");
      return fail (L, NHS_DATASET_ERROR_FORMAT,
                   _("this is not an NHS dispute dataset (format is “%s”, expected “%s”)"),
                   format, NHS_DATASET_FORMAT_NAME);
    }

  mark = push_key (L, "version");
  node = json_object_get_member (root, "version");
  if (node == NULL)
    return fail (L, NHS_DATASET_ERROR_VERSION, _("the required key “version” is missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (L, NHS_DATASET_ERROR_VERSION, _("the version must be a whole number, found %s"),
                 node_type_words (node));
  if (json_node_get_int (node) != NHS_DATASET_FORMAT_VERSION)
    {
      /* a string, as xgettext cannot read G_GINT64_FORMAT in a message */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
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
  L->tz = g_time_zone_new_identifier (L->ds->timezone_id);
  if (L->tz == NULL)
    {
      push_key (L, "timezone");
      return fail (L, NHS_DATASET_ERROR_TIMEZONE,
                   _("“%s” is not a time zone this system knows (use an IANA name such as Europe/London)"),
                   L->ds->timezone_id);
    }
  L->ds->timezone = g_time_zone_ref (L->tz);

  if (!get_when (L, root, "updated", FALSE, FALSE, &L->ds->updated, NULL))
    return FALSE;
  return TRUE;
}

static NhsDataset *
load (Loader *L)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  JsonNode *root_node;
  JsonObject *root;
  JsonArray *groups, *sources, *articles, *events, *figures;

  if (!check_encoding (L) || !check_depth (L))
    return NULL;
  if (check_cancelled (L))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!parse_json (L, parser))
    return NULL;
  if (L->progress)
    L->progress (0.5, L->progress_data);
  if (check_cancelled (L))
    return NULL;

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (L, NHS_DATASET_ERROR_NOT_OBJECT, _("the top level must be a JSON object, found %s"),
            node_type_words (root_node));
      return NULL;
    }
  root = json_node_get_object (root_node);

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
  pop (L, 1);
  push_key (L, "sources");
  if (sources && !load_sources (L, sources))
    return NULL;
  pop (L, 1);
  push_key (L, "articles");
  if (!load_articles (L, articles ? articles : NULL))
    return NULL;
  pop (L, 1);
  push_key (L, "events");
  if (!load_events (L, events))
    return NULL;
  pop (L, 1);
  push_key (L, "figures");
  if (figures && !load_figures (L, figures))
    return NULL;
  pop (L, 1);

  for (guint i = 0; i < ds->n_articles; i++)
    g_ptr_array_sort (ds->quotes[i], evidence_cmp);

  if (L->progress)
    L->progress (1.0, L->progress_data);
  return g_steal_pointer (&ds);
}

static GError *
too_large_error (const char *name,
                 guint64     size)
{
  guint64 mb = size / (1024 * 1024);

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
  L.path = g_string_new ("$");
  L.error = error;
  L.cancellable = cancellable;
  L.progress = progress;
  L.progress_data = progress_data;
  L.offset_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_time_zone_unref);

  if ((goffset) len > NHS_DATASET_MAX_SIZE)
    {
      g_propagate_error (error, too_large_error (L.name, len));
      ds = NULL;
    }
  else
    ds = load (&L);

  g_string_free (L.path, TRUE);
  g_hash_table_unref (L.offset_zones);
  g_clear_pointer (&L.tz, g_time_zone_unref);
  return ds;
}

NhsDataset *
nhs_dataset_load_file (GFile        *file,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  NhsDataset *ds;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                   _("Could not open %s: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                   _("Could not open %s: it is a folder, not a dataset file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > NHS_DATASET_MAX_SIZE)
    {
      g_propagate_error (error, too_large_error (name, g_file_info_get_size (info)));
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                   _("Could not read %s: %s"), name, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  ds = nhs_dataset_load_bytes (bytes, name, cancellable, NULL, NULL, error);
  if (ds != NULL)
    ds->file = g_object_ref (file);
  return ds;
}

NhsDataset *
nhs_dataset_load_resource (const char *resource_path,
                           GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_path_get_basename (resource_path);
  NhsDataset *ds;

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  ds = nhs_dataset_load_bytes (bytes, name, NULL, NULL, NULL, error);
  if (ds != NULL)
    ds->bundled = TRUE;
  return ds;
}

NhsDataset *
nhs_dataset_load_bundled (GError **error)
{
  return nhs_dataset_load_resource (NHS_DATASET_BUNDLED_RESOURCE, error);
}

/* }}} */
/* Async {{{ */

typedef struct
{
  GFile *file;
  NhsDatasetProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
  double last_fraction;
} AsyncData;

typedef struct
{
  GTask *task;
  double fraction;
} ProgressIdle;

static void
async_data_free (AsyncData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static void
progress_idle_free (gpointer user_data)
{
  ProgressIdle *pi = user_data;

  g_object_unref (pi->task);
  g_free (pi);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressIdle *pi = user_data;
  AsyncData *data = g_task_get_task_data (pi->task);

  if (!g_task_get_completed (pi->task))
    data->progress (pi->fraction, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  ProgressIdle *pi;

  if (data->progress == NULL || fraction - data->last_fraction < 0.01)
    return;
  data->last_fraction = fraction;
  pi = g_new (ProgressIdle, 1);
  pi->task = g_object_ref (task);
  pi->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_idle_cb, pi, progress_idle_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *contents = NULL;
  gsize len = 0;
  NhsDataset *ds;

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > NHS_DATASET_MAX_SIZE)
    {
      g_task_return_error (task, too_large_error (name, g_file_info_get_size (info)));
      return;
    }
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_task_return_new_error (task, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                               _("Could not open %s: it is a folder, not a dataset file"), name);
      return;
    }
  g_clear_error (&error);

  if (!g_file_load_contents (data->file, cancellable, &contents, &len, NULL, &error))
    {
      g_task_return_new_error (task, NHS_DATASET_ERROR, NHS_DATASET_ERROR_IO,
                               _("Could not read %s: %s"), name, error->message);
      return;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  ds = nhs_dataset_load_bytes (bytes, name, cancellable, thread_progress_cb, task, &error);
  if (ds == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ds->file = g_object_ref (data->file);
  g_task_return_pointer (task, ds, g_object_unref);
}

void
nhs_dataset_load_file_async (GFile                 *file,
                             GCancellable          *cancellable,
                             NhsDatasetProgressFunc progress,
                             gpointer               progress_data,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (AsyncData, 1);
  data->file = g_object_ref (file);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nhs_dataset_load_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, load_thread);
}

NhsDataset *
nhs_dataset_load_file_finish (GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
