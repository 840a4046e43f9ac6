/* nhs-dataset-builder.c: how the loader makes objects
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-dataset-builder"

#include "config.h"

#include <string.h>

#include "nhs-arena.h"
#include "nhs-dataset-builder.h"
#include "nhs-stats.h"

struct _NhsDatasetBuilder
{
  GTimeZone *tz;
  GHashTable *offset_zones;     /* "+01:00" → GTimeZone */
  GHashTable *whens;            /* date text → NhsWhen, both in when_arena */
  /* a free of each when and its text, at the end of a large load, cost
   * more than making them */
  NhsArena when_arena;
  GHashTable *strings;          /* the GRefStrings given out */
  GHashTable *group_sets;       /* "0,2," → GPtrArray of those groups */
  GHashTable *tag_sets;         /* "7:walkout" → _nhs_strv_new */
  GPtrArray *no_evidence;       /* shared by everything that cites nothing */
  GString *key;
  GString *text;                /* for search texts */
  char *kind_text[NHS_EVENT_KIND_N]; /* each kind's part of a search text */
};

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
offset_zone (NhsDatasetBuilder *self,
             const char        *offset)
{
  GTimeZone *tz = g_hash_table_lookup (self->offset_zones, offset);

  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (offset);
      if (tz == NULL)
        return NULL;
      g_hash_table_insert (self->offset_zones, g_strdup (offset), tz);
    }
  return tz;
}

/* Parses a date or, when allow_time, a date-time; returns it in the
 * dataset's zone. *is_date tells which it was. */
static GDateTime *
parse_when (NhsDatasetBuilder *self,
            const char        *text,
            gboolean           allow_time,
            gboolean          *is_date)
{
  const char *p = text;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  double fsec = 0;
  GTimeZone *zone = self->tz;
  g_autoptr(GDateTime) dt = NULL;

  *is_date = TRUE;
  if (!parse_digits (&p, 4, &y) || *p++ != '-' || !parse_digits (&p, 2, &mo) ||
      *p++ != '-' || !parse_digits (&p, 2, &d))
    return NULL;
  if (y < 1 || !g_date_valid_dmy (d, mo, y))
    return NULL;

  if (*p == '\0')
    {
      /* a date stands for its whole day, so the day after must exist too
       * (GDateTime ends with 9999-12-31) */
      g_autoptr(GDateTime) next = NULL;

      dt = g_date_time_new (self->tz, y, mo, d, 0, 0, 0);
      next = dt ? g_date_time_add_days (dt, 1) : NULL;
      return next ? g_steal_pointer (&dt) : NULL;
    }

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
    zone = offset_zone (self, "Z");
  else if ((*p == '+' || *p == '-') && strlen (p) == 6)
    {
      const char *q = p + 1;
      int oh, om;
      if (!parse_digits (&q, 2, &oh) || *q++ != ':' || !parse_digits (&q, 2, &om) || oh > 23 || om > 59)
        return NULL;
      zone = offset_zone (self, p);
    }
  else if (*p != '\0')
    return NULL;
  if (zone == NULL)
    return NULL;

  dt = g_date_time_new (zone, y, mo, d, h, mi, fsec);
  if (dt == NULL)
    return NULL;
  return zone == self->tz ? g_steal_pointer (&dt) : g_date_time_to_timezone (dt, self->tz);
}


static gint64
wall_minutes (GDateTime *dt)
{
  GDate date;
  int y, m, d;

  g_date_time_get_ymd (dt, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  /* julian day 719163 is 1970-01-01 */
  return ((gint64) g_date_get_julian (&date) - 719163) * 1440
         + g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt);
}


const NhsWhen *
_nhs_dataset_builder_when (NhsDatasetBuilder *self,
                           const char        *text,
                           gboolean           allow_time)
{
  NhsWhen *when = g_hash_table_lookup (self->whens, text);
  GDateTime *dt;
  gboolean is_date;
  gsize len;

  if (when != NULL)
    return when->is_date || allow_time ? when : NULL;

  dt = parse_when (self, text, allow_time, &is_date);
  if (dt == NULL)
    return NULL;
  len = strlen (text);
  when = nhs_arena_alloc (&self->when_arena, sizeof (NhsWhen) + len + 1);
  memset (when, 0, sizeof *when);
  when->dt = dt;
  when->is_date = is_date;
  when->us = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  when->wall = wall_minutes (dt);
  if (is_date)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (dt, 1);
      when->next_us = g_date_time_to_unix (next) * G_USEC_PER_SEC;
    }
  g_hash_table_insert (self->whens, memcpy (when + 1, text, len + 1), when);
  return when;
}

char *
_nhs_dataset_builder_intern (NhsDatasetBuilder *self,
                             const char        *text)
{
  char *found;

  if (text == NULL)
    return NULL;
  found = g_hash_table_lookup (self->strings, text);
  if (found == NULL)
    {
      found = g_ref_string_new (text);
      g_hash_table_add (self->strings, found);
    }
  return g_ref_string_acquire (found);
}

static void
key_append_uint (GString *key,
                 gsize    value)
{
  char digits[24];
  int n = 0;

  do
    digits[n++] = '0' + (char) (value % 10);
  while ((value /= 10) != 0);
  while (n > 0)
    g_string_append_c (key, digits[--n]);
}

GPtrArray *
_nhs_dataset_builder_group_set (NhsDatasetBuilder *self,
                                GPtrArray         *groups)
{
  GPtrArray *found;

  g_string_truncate (self->key, 0);
  for (guint i = 0; i < groups->len; i++)
    {
      key_append_uint (self->key, nhs_group_get_index (g_ptr_array_index (groups, i)));
      g_string_append_c (self->key, ',');
    }
  found = g_hash_table_lookup (self->group_sets, self->key->str);
  if (found == NULL)
    {
      found = g_ptr_array_new_full (groups->len, g_object_unref);
      for (guint i = 0; i < groups->len; i++)
        g_ptr_array_add (found, g_object_ref (g_ptr_array_index (groups, i)));
      g_hash_table_insert (self->group_sets, g_strdup (self->key->str), found);
    }
  return g_ptr_array_ref (found);
}

char **
_nhs_dataset_builder_tag_set (NhsDatasetBuilder *self,
                              GPtrArray         *tags)
{
  char **found;

  g_string_truncate (self->key, 0);
  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = g_ptr_array_index (tags, i);

      key_append_uint (self->key, strlen (tag));
      g_string_append_c (self->key, ':');
      g_string_append (self->key, tag);
    }
  found = g_hash_table_lookup (self->tag_sets, self->key->str);
  if (found == NULL)
    {
      found = _nhs_strv_new ((const char * const *) tags->pdata, tags->len);
      g_hash_table_insert (self->tag_sets, g_strdup (self->key->str), found);
    }
  return _nhs_strv_ref (found);
}

void
_nhs_dataset_builder_finish_event (NhsDatasetBuilder *self,
                                   NhsEvent          *event,
                                   const NhsWhen     *start,
                                   const NhsWhen     *end)
{
  event->start_us = start->us;
  event->start_wall = start->wall;
  if (end != NULL)
    {
      event->end_us = end->is_date ? end->next_us : end->us;
      event->end_wall = end->wall + (end->is_date ? 1440 : 0);
    }
  else
    {
      event->end_us = start->is_date ? start->next_us : start->us;
      event->end_wall = start->wall + 1440;   /* no end: one day */
    }
  event->strike_days = event->kind == NHS_EVENT_KIND_STRIKE
                       ? nhs_strike_days_for_wall (event->start_wall, event->end_wall)
                       : 0;
  /* the kind's label is translated: looked up once per kind and load */
  if ((guint) event->kind < NHS_EVENT_KIND_N && self->kind_text[event->kind] == NULL)
    {
      GString *kind_text = g_string_new (NULL);

      _nhs_event_kind_search_text (event->kind, kind_text);
      self->kind_text[event->kind] = g_string_free (kind_text, FALSE);
    }
  _nhs_event_build_search_text (event, self->text,
                                (guint) event->kind < NHS_EVENT_KIND_N ? self->kind_text[event->kind] : NULL);
}


static void
when_clear (gpointer data)
{
  NhsWhen *when = data;

  g_date_time_unref (when->dt);
}

NhsDatasetBuilder *
_nhs_dataset_builder_new (void)
{
  NhsDatasetBuilder *self = g_new0 (NhsDatasetBuilder, 1);

  self->offset_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_time_zone_unref);
  self->whens = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, when_clear);
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, (GDestroyNotify) g_ref_string_release, NULL);
  self->group_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->tag_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) _nhs_strv_unref);
  self->no_evidence = g_ptr_array_new_with_free_func (g_object_unref);
  self->key = g_string_new (NULL);
  self->text = g_string_new (NULL);
  return self;
}

void
_nhs_dataset_builder_free (NhsDatasetBuilder *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_hash_table_unref (self->offset_zones);
  g_hash_table_unref (self->whens);
  nhs_arena_clear (&self->when_arena);
  g_hash_table_unref (self->strings);
  g_hash_table_unref (self->group_sets);
  g_hash_table_unref (self->tag_sets);
  g_ptr_array_unref (self->no_evidence);
  g_string_free (self->key, TRUE);
  g_string_free (self->text, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->kind_text); i++)
    g_free (self->kind_text[i]);
  g_free (self);
}

void
_nhs_dataset_builder_set_timezone (NhsDatasetBuilder *self,
                                   GTimeZone         *tz)
{
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = g_time_zone_ref (tz);
}

GPtrArray *
_nhs_dataset_builder_no_evidence (NhsDatasetBuilder *self)
{
  return g_ptr_array_ref (self->no_evidence);
}

void
_nhs_group_fill (NhsGroup   *group,
                 const char *id,
                 const char *name,
                 const char *short_name,
                 const char *color)
{
  group->id = g_strdup (id);
  group->name = g_strdup (name);
  group->short_name = g_strdup (short_name);
  group->color = color ? g_ascii_strdown (color, -1) : NULL;
}

void
_nhs_dataset_file_group (NhsDataset *ds,
                         NhsGroup   *group)
{
  group->index = ds->group_array->len;
  g_hash_table_insert (ds->group_by_id, group->id, group);
  g_ptr_array_add (ds->group_array, group);
}

NhsGroup *
_nhs_dataset_add_group (NhsDataset *ds,
                        const char *id,
                        const char *name,
                        const char *short_name,
                        const char *color)
{
  NhsGroup *group = g_object_new (NHS_TYPE_GROUP, NULL);

  _nhs_group_fill (group, id, name, short_name, color);
  _nhs_dataset_file_group (ds, group);
  return group;
}

void
_nhs_source_fill (NhsSource     *source,
                  const char    *id,
                  const char    *title,
                  const char    *publisher,
                  const char    *url,
                  const NhsWhen *published,
                  NhsSourceKind  kind)
{
  source->id = g_strdup (id);
  source->title = g_strdup (title);
  source->publisher = g_strdup (publisher);
  source->url = g_strdup (url);
  source->published = _nhs_when_ref (published);
  source->kind = kind;
}

void
_nhs_dataset_file_source (NhsDataset *ds,
                          NhsSource  *source)
{
  g_hash_table_insert (ds->source_by_id, source->id, source);
  g_ptr_array_add (ds->source_array, source);
}

NhsSource *
_nhs_dataset_add_source (NhsDataset    *ds,
                         const char    *id,
                         const char    *title,
                         const char    *publisher,
                         const char    *url,
                         const NhsWhen *published,
                         NhsSourceKind  kind)
{
  NhsSource *source = g_object_new (NHS_TYPE_SOURCE, NULL);

  _nhs_source_fill (source, id, title, publisher, url, published, kind);
  _nhs_dataset_file_source (ds, source);
  return source;
}

NhsArticle *
_nhs_dataset_add_article (NhsDataset    *ds,
                          const char    *id,
                          const char    *title,
                          const char    *publisher,
                          const char    *url,
                          const char    *description,
                          const char    *body,
                          const NhsWhen *published)
{
  NhsArticle *article = g_object_new (NHS_TYPE_ARTICLE, NULL);

  article->id = g_strdup (id);
  article->title = g_strdup (title);
  article->publisher = g_strdup (publisher);
  article->url = g_strdup (url);
  article->description = g_strdup (description);
  article->body = g_strdup (body);
  article->published = _nhs_when_ref (published);
  article->index = ds->article_array->len;
  g_hash_table_insert (ds->article_by_id, article->id, article);
  g_ptr_array_add (ds->article_array, article);
  return article;
}

gboolean
_nhs_when_ends_before (const NhsWhen *start,
                       const NhsWhen *end)
{
  return end != NULL && (end->is_date ? end->next_us <= start->us : end->us < start->us);
}
