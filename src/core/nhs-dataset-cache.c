/* nhs-dataset-cache.c: a compact snapshot of a loaded dataset, for reopening
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cache file is a 16-byte header ("NHSCACHE" and a 64-bit hash of what
 * follows, so damage of any kind shows) and then one GVariant tuple of
 * columns: every string once in a block of NUL-terminated strings, and
 * arrays of 32-bit offsets and indices into it and into each other. Fixed
 * arrays read in one step, check cheaply, and cost no framing.
 *
 * Dates are kept as text (a date, or a date-time in UTC) and parsed again
 * by the same builder the loader uses, against the system's time zone data
 * of the day, so a cached dataset's GDateTimes, instants and wall-clock
 * minutes are what a parse gives, field for field. Search texts are built
 * again too (the kind's label is translated).
 *
 * The reader trusts nothing: the header hash, then every offset and index
 * against the sizes it came with. GVariant itself reads malformed data as
 * defaults, never out of bounds.
 */
#define G_LOG_DOMAIN "nhs-dataset-cache"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "nhs-dataset-builder.h"
#include "nhs-dataset-cache.h"
#include "nhs-dataset-private.h"
#include "nhs-json-reader.h"
#include "nhs-model-private.h"

#define CACHE_MAGIC    "NHSCACHE"
#define HEADER_SIZE    16
#define CACHE_VERSION  2          /* 2: datasets the loader now refuses (9999-12-31, JSON extensions) may be in 1 */
#define CACHE_KEEP     8          /* the most recently used files kept */
#define NONE           G_MAXUINT32
#define FIGURE_OWNER   0x80000000u

enum {
  C_MAGIC, C_VERSION, C_APP_VERSION, C_SOURCE_SIZE, C_SOURCE_HI, C_SOURCE_LO,
  C_STRINGS, C_DATASET, C_GROUPS, C_SOURCES, C_SOURCE_KINDS, C_ARTICLES,
  C_EVENTS, C_EVENT_ENUMS, C_GROUP_SETS, C_TAG_SETS, C_EVIDENCE,
  C_FIGURES, C_FIGURE_VALUES, C_FIGURE_ENUMS, C_CITATIONS, C_QUOTES,
  N_COLUMNS
};
#define BODY_TYPE "(susttt" "ay" "au" "au" "au" "ay" "au" "au" "ay" "au" "au" "au" "au" "ad" "ay" "au" "au" ")"

/* Fields per record in each column of records */
#define W_DATASET  4              /* title description timezone updated */
#define W_GROUP    4              /* id name short_name color */
#define W_SOURCE   5              /* id title publisher url published */
#define W_ARTICLE  7              /* id title publisher url description body published */
#define W_EVENT    10             /* id title summary outcome start end group-set tag-set evidence-first evidence-count */
#define W_EVIDENCE 6              /* article source quote note quote-start quote-end */
#define W_FIGURE   10             /* id period basis claimant label group event date evidence-first evidence-count */

/* Settings {{{ */

static char *cache_dir_override;
static int cache_disabled = -1;

gboolean
_nhs_dataset_cache_enabled (void)
{
  if (g_atomic_int_get (&cache_disabled) < 0)
    g_atomic_int_set (&cache_disabled, g_strcmp0 (g_getenv ("NHS_DISPUTE_NO_CACHE"), "1") == 0);
  return !g_atomic_int_get (&cache_disabled);
}

void
_nhs_dataset_cache_set_dir (const char *dir)
{
  g_free (cache_dir_override);
  cache_dir_override = g_strdup (dir);
}

static char *
cache_dir (void)
{
  if (cache_dir_override != NULL)
    return g_strdup (cache_dir_override);
  return g_build_filename (g_get_user_cache_dir (), "nhs-dispute", NULL);
}

char *
_nhs_dataset_cache_path (const NhsCacheKey *key)
{
  g_autofree char *dir = cache_dir ();
  g_autofree char *name = g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x.gvariant",
                                           key->hi, key->lo);

  return g_build_filename (dir, name, NULL);
}

/* }}} */
/* Hashing {{{ */

/* Four lanes of multiply-rotate over every fourth 64-bit word (the shape of
 * xxHash64), mixed into two halves: a few GB/s, where GLib's SHA-256 does
 * 300 MB/s. Not for adversaries: for telling texts apart. */
#define P1 G_GUINT64_CONSTANT (0x9E3779B185EBCA87)
#define P2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)
#define P3 G_GUINT64_CONSTANT (0x165667B19E3779F9)
#define P4 G_GUINT64_CONSTANT (0x85EBCA77C2B2AE63)
#define P5 G_GUINT64_CONSTANT (0x27D4EB2F165667C5)

static inline guint64
rotl64 (guint64 x, int r)
{
  return (x << r) | (x >> (64 - r));
}

static inline guint64
round64 (guint64 acc, guint64 input)
{
  return rotl64 (acc + input * P2, 31) * P1;
}

static inline guint64
avalanche (guint64 h)
{
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  h ^= h >> 32;
  return h;
}

static inline guint64
read64 (const guchar *p)
{
  guint64 w;

  memcpy (&w, p, 8);
  return GUINT64_FROM_LE (w);
}

static void
hash_bytes (const guchar *p,
            gsize         len,
            guint64      *hi,
            guint64      *lo)
{
  const guchar *end = p + len;
  guint64 v1 = P1 + P2, v2 = P2, v3 = 0, v4 = -P1;
  guint64 h, g;

  while (end - p >= 32)
    {
      v1 = round64 (v1, read64 (p));
      v2 = round64 (v2, read64 (p + 8));
      v3 = round64 (v3, read64 (p + 16));
      v4 = round64 (v4, read64 (p + 24));
      p += 32;
    }
  h = rotl64 (v1, 1) + rotl64 (v2, 7) + rotl64 (v3, 12) + rotl64 (v4, 18);
  g = rotl64 (v1, 5) ^ rotl64 (v2, 17) ^ rotl64 (v3, 29) ^ rotl64 (v4, 43);
  while (end - p >= 8)
    {
      guint64 w = read64 (p);
      h = rotl64 (h ^ round64 (0, w), 27) * P1 + P4;
      g = rotl64 (g ^ (w * P5), 31) * P3;
      p += 8;
    }
  while (p < end)
    {
      h = rotl64 (h ^ (*p * P5), 11) * P1;
      g = rotl64 (g ^ (*p * P1), 13) * P2;
      p++;
    }
  h += len;
  g ^= len * P3;
  *hi = avalanche (h);
  *lo = avalanche (g + *hi);
}

void
_nhs_cache_key_init (NhsCacheKey *key,
                     const char  *text,
                     gsize        len)
{
  hash_bytes ((const guchar *) text, len, &key->hi, &key->lo);
  key->size = len;
}

void
_nhs_dataset_cache_reseal (char  *data,
                           gsize  len)
{
  guint64 hi, lo;

  g_return_if_fail (len >= HEADER_SIZE);
  hash_bytes ((const guchar *) data + HEADER_SIZE, len - HEADER_SIZE, &hi, &lo);
  hi = GUINT64_TO_LE (hi);
  memcpy (data + 8, &hi, 8);
}

/* }}} */
/* Writing {{{ */

typedef struct
{
  GByteArray *blob;
  GHashTable *offsets;        /* text → offset + 1 */
  GArray *columns[N_COLUMNS];
  GHashTable *group_sets;     /* GPtrArray → offset in C_GROUP_SETS */
  GHashTable *tag_sets;       /* char ** → offset in C_TAG_SETS */
  GHashTable *evidence;       /* NhsEvidence → its index */
  GHashTable *indices;        /* NhsSource, NhsFigure → its index */
  GHashTable *refs;           /* a shared string or GDateTime → its offset + 1 */
  GPtrArray *owned;           /* date texts made here */
  guint n_evidence;
} Writer;

/* A string the dataset holds once however often it is used (a GRefString
 * from NhsDatasetBuilder): known by its address, hashed no further */
static guint32
put_ref (Writer     *W,
         const char *text)
{
  gpointer found;
  guint32 offset;

  if (text == NULL)
    return NONE;
  if ((found = g_hash_table_lookup (W->refs, text)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  offset = W->blob->len;
  g_byte_array_append (W->blob, (const guint8 *) text, strlen (text) + 1);
  g_hash_table_insert (W->refs, (gpointer) text, GUINT_TO_POINTER (offset + 1));
  return offset;
}

/* A string of one object (an id, a title): written as it is */
static guint32
put_text (Writer     *W,
          const char *text)
{
  guint32 offset;

  if (text == NULL)
    return NONE;
  offset = W->blob->len;
  g_byte_array_append (W->blob, (const guint8 *) text, strlen (text) + 1);
  return offset;
}

/* Any other string: each text once */
static guint32
put_string (Writer     *W,
            const char *text)
{
  gpointer found;
  guint32 offset;

  if (text == NULL)
    return NONE;
  found = g_hash_table_lookup (W->offsets, text);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  offset = W->blob->len;
  g_byte_array_append (W->blob, (const guint8 *) text, strlen (text) + 1);
  g_hash_table_insert (W->offsets, (gpointer) text, GUINT_TO_POINTER (offset + 1));
  return offset;
}

/* A date as a date, a date-time as UTC: text the builder parses back into
 * the same GDateTime in the dataset's zone. FALSE for what text cannot
 * carry exactly (fractions of a second, years beyond four digits). */
static gboolean
put_when (Writer    *W,
          GDateTime *dt,
          gboolean   is_date,
          guint32   *out)
{
  g_autoptr(GDateTime) utc = NULL;
  char text[32];
  int y, m, d;
  gpointer found;

  *out = NONE;
  if (dt == NULL)
    return TRUE;
  /* the loader shares one GDateTime per text, and the text says whether it
   * is a date: known by its address (tagged with is_date) */
  if ((found = g_hash_table_lookup (W->refs, (const char *) dt + is_date)) != NULL)
    {
      *out = GPOINTER_TO_UINT (found) - 1;
      return TRUE;
    }
  if (is_date)
    {
      g_date_time_get_ymd (dt, &y, &m, &d);
      if (y < 1 || y > 9999)
        return FALSE;
      g_snprintf (text, sizeof text, "%04d-%02d-%02d", y, m, d);
    }
  else
    {
      if (g_date_time_get_microsecond (dt) != 0)
        return FALSE;
      utc = g_date_time_to_utc (dt);
      g_date_time_get_ymd (utc, &y, &m, &d);
      if (y < 1 || y > 9999)
        return FALSE;
      g_snprintf (text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                  g_date_time_get_hour (utc), g_date_time_get_minute (utc), g_date_time_get_second (utc));
    }
  if (g_hash_table_lookup (W->offsets, text) == NULL)
    {
      /* the table's keys must live as long as it does */
      char *copy = g_strdup (text);
      g_ptr_array_add (W->owned, copy);
      *out = put_string (W, copy);
    }
  else
    *out = put_string (W, text);
  g_hash_table_insert (W->refs, (char *) dt + is_date, GUINT_TO_POINTER (*out + 1));
  return TRUE;
}

static inline void
put (Writer  *W,
     guint    column,
     guint32  value)
{
  g_array_append_val (W->columns[column], value);
}

static inline void
put_byte (Writer *W,
          guint   column,
          guint8  value)
{
  g_array_append_val (W->columns[column], value);
}

static guint32
put_group_set (Writer    *W,
               GPtrArray *groups)
{
  gpointer found = g_hash_table_lookup (W->group_sets, groups);
  guint32 offset;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  offset = W->columns[C_GROUP_SETS]->len;
  put (W, C_GROUP_SETS, groups->len);
  for (guint i = 0; i < groups->len; i++)
    put (W, C_GROUP_SETS, ((NhsGroup *) g_ptr_array_index (groups, i))->index);
  g_hash_table_insert (W->group_sets, groups, GUINT_TO_POINTER (offset + 1));
  return offset;
}

static guint32
put_tag_set (Writer  *W,
             char   **tags)
{
  gpointer found;
  guint32 offset;
  guint n;

  if (tags == NULL)
    return NONE;
  if ((found = g_hash_table_lookup (W->tag_sets, tags)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  offset = W->columns[C_TAG_SETS]->len;
  n = g_strv_length (tags);
  put (W, C_TAG_SETS, n);
  for (guint i = 0; i < n; i++)
    put (W, C_TAG_SETS, put_ref (W, tags[i]));
  g_hash_table_insert (W->tag_sets, tags, GUINT_TO_POINTER (offset + 1));
  return offset;
}

/* Appends the evidence records; returns the index of the first */
static guint32
put_evidence (Writer    *W,
              GPtrArray *evidence)
{
  guint32 first = W->n_evidence;

  for (guint i = 0; i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);

      put (W, C_EVIDENCE, ev->article ? ev->article->index : NONE);
      put (W, C_EVIDENCE, ev->source ? GPOINTER_TO_UINT (g_hash_table_lookup (W->indices, ev->source)) : NONE);
      put (W, C_EVIDENCE, put_ref (W, ev->quote));
      put (W, C_EVIDENCE, put_ref (W, ev->note));
      put (W, C_EVIDENCE, (guint32) ev->quote_start);
      put (W, C_EVIDENCE, (guint32) ev->quote_end);
      g_hash_table_insert (W->evidence, ev, GUINT_TO_POINTER (W->n_evidence));
      W->n_evidence++;
    }
  return first;
}

static void
writer_clear (Writer *W)
{
  if (W->blob)
    g_byte_array_unref (W->blob);
  g_clear_pointer (&W->offsets, g_hash_table_unref);
  g_clear_pointer (&W->group_sets, g_hash_table_unref);
  g_clear_pointer (&W->tag_sets, g_hash_table_unref);
  g_clear_pointer (&W->evidence, g_hash_table_unref);
  g_clear_pointer (&W->indices, g_hash_table_unref);
  g_clear_pointer (&W->refs, g_hash_table_unref);
  g_clear_pointer (&W->owned, g_ptr_array_unref);
  for (guint i = 0; i < N_COLUMNS; i++)
    if (W->columns[i])
      g_array_free (W->columns[i], TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

typedef struct
{
  gint64 mtime;
  char *path;
} Entry;

/* Keeps the newest CACHE_KEEP cache files */
static void
prune (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (Entry));
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      GStatBuf st;
      Entry e;

      if (!g_str_has_suffix (name, ".gvariant") && !g_str_has_prefix (name, ".goutputstream-"))
        continue;
      e.path = g_build_filename (dir, name, NULL);
      if (g_stat (e.path, &st) != 0)
        {
          g_free (e.path);
          continue;
        }
      if (name[0] == '.')
        {
          /* a writer's temporary file, left by a process that ended while
           * writing (a day old: no writer still needs it) */
          if (st.st_mtime < g_get_real_time () / G_USEC_PER_SEC - 24 * 3600)
            g_unlink (e.path);
          g_free (e.path);
          continue;
        }
      e.mtime = st.st_mtime;
      g_array_append_val (files, e);
    }
  while (files->len > CACHE_KEEP)
    {
      guint oldest = 0;

      for (guint i = 1; i < files->len; i++)
        if (g_array_index (files, Entry, i).mtime < g_array_index (files, Entry, oldest).mtime)
          oldest = i;
      g_unlink (g_array_index (files, Entry, oldest).path);
      g_free (g_array_index (files, Entry, oldest).path);
      g_array_remove_index_fast (files, oldest);
    }
  for (guint i = 0; i < files->len; i++)
    g_free (g_array_index (files, Entry, i).path);
}

gboolean
_nhs_dataset_cache_write (NhsDataset        *ds,
                          const NhsCacheKey *key,
                          GError           **error)
{
  g_auto(Writer) W = { 0 };
  g_autoptr(GVariant) body = NULL;
  g_autofree char *dir = cache_dir ();
  g_autofree char *path = _nhs_dataset_cache_path (key);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  GVariant *children[N_COLUMNS];
  guint8 header[HEADER_SIZE];
  guint64 hi, lo;
  guint32 updated;

  W.blob = g_byte_array_new ();
  W.offsets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  W.group_sets = g_hash_table_new (NULL, NULL);
  W.tag_sets = g_hash_table_new (NULL, NULL);
  W.evidence = g_hash_table_new (NULL, NULL);
  W.indices = g_hash_table_new (NULL, NULL);
  W.refs = g_hash_table_new (NULL, NULL);
  W.owned = g_ptr_array_new_with_free_func (g_free);
  for (guint i = C_DATASET; i < N_COLUMNS; i++)
    {
      gboolean bytes = i == C_SOURCE_KINDS || i == C_EVENT_ENUMS || i == C_FIGURE_ENUMS;
      W.columns[i] = g_array_new (FALSE, FALSE, i == C_FIGURE_VALUES ? sizeof (double) : bytes ? 1 : 4);
    }

  /* The header's dates first, then the objects in their lists' order */
  if (!put_when (&W, ds->updated, TRUE, &updated))
    goto uncacheable;
  put (&W, C_DATASET, put_string (&W, ds->title));
  put (&W, C_DATASET, put_string (&W, ds->description));
  put (&W, C_DATASET, put_string (&W, ds->timezone_id));
  put (&W, C_DATASET, updated);

  for (guint i = 0; i < ds->group_array->len; i++)
    {
      NhsGroup *g = g_ptr_array_index (ds->group_array, i);
      put (&W, C_GROUPS, put_string (&W, g->id));
      put (&W, C_GROUPS, put_string (&W, g->name));
      put (&W, C_GROUPS, put_string (&W, g->short_name));
      put (&W, C_GROUPS, put_string (&W, g->color));
    }
  for (guint i = 0; i < ds->source_array->len; i++)
    {
      NhsSource *src = g_ptr_array_index (ds->source_array, i);
      guint32 published;

      if (!put_when (&W, src->published, TRUE, &published))
        goto uncacheable;
      /* evidence names its source by this index */
      g_hash_table_insert (W.indices, src, GUINT_TO_POINTER (i));
      put (&W, C_SOURCES, put_string (&W, src->id));
      put (&W, C_SOURCES, put_string (&W, src->title));
      put (&W, C_SOURCES, put_string (&W, src->publisher));
      put (&W, C_SOURCES, put_string (&W, src->url));
      put (&W, C_SOURCES, published);
      put_byte (&W, C_SOURCE_KINDS, src->kind);
    }
  for (guint i = 0; i < ds->article_array->len; i++)
    {
      NhsArticle *a = g_ptr_array_index (ds->article_array, i);
      guint32 published;

      if (!put_when (&W, a->published, TRUE, &published))
        goto uncacheable;
      put (&W, C_ARTICLES, put_string (&W, a->id));
      put (&W, C_ARTICLES, put_string (&W, a->title));
      put (&W, C_ARTICLES, put_string (&W, a->publisher));
      put (&W, C_ARTICLES, put_string (&W, a->url));
      put (&W, C_ARTICLES, put_string (&W, a->description));
      put (&W, C_ARTICLES, put_text (&W, a->body));
      put (&W, C_ARTICLES, published);
    }
  for (guint i = 0; i < ds->event_array->len; i++)
    {
      NhsEvent *e = g_ptr_array_index (ds->event_array, i);
      guint32 start, end;

      if (!put_when (&W, e->start, e->start_is_date, &start) ||
          !put_when (&W, e->end, e->end_is_date, &end))
        goto uncacheable;
      put (&W, C_EVENTS, put_text (&W, e->id));
      put (&W, C_EVENTS, put_text (&W, e->title));
      put (&W, C_EVENTS, put_text (&W, e->summary));
      put (&W, C_EVENTS, put_string (&W, e->outcome));
      put (&W, C_EVENTS, start);
      put (&W, C_EVENTS, end);
      put (&W, C_EVENTS, put_group_set (&W, e->groups));
      put (&W, C_EVENTS, put_tag_set (&W, e->tags));
      put (&W, C_EVENTS, put_evidence (&W, e->evidence));
      put (&W, C_EVENTS, e->evidence->len);
      put_byte (&W, C_EVENT_ENUMS, e->kind);
      put_byte (&W, C_EVENT_ENUMS, e->status);
    }
  for (guint i = 0; i < ds->figure_array->len; i++)
    {
      NhsFigure *f = g_ptr_array_index (ds->figure_array, i);
      guint32 date;

      if (!put_when (&W, f->date, TRUE, &date))
        goto uncacheable;
      g_hash_table_insert (W.indices, f, GUINT_TO_POINTER (i));
      put (&W, C_FIGURES, put_text (&W, f->id));
      put (&W, C_FIGURES, put_ref (&W, f->period));
      put (&W, C_FIGURES, put_ref (&W, f->basis));
      put (&W, C_FIGURES, put_ref (&W, f->claimant));
      put (&W, C_FIGURES, put_ref (&W, f->label));
      put (&W, C_FIGURES, f->group ? f->group->index : NONE);
      put (&W, C_FIGURES, f->event ? f->event->index : NONE);
      put (&W, C_FIGURES, date);
      put (&W, C_FIGURES, put_evidence (&W, f->evidence));
      put (&W, C_FIGURES, f->evidence->len);
      g_array_append_val (W.columns[C_FIGURE_VALUES], f->value);
      put_byte (&W, C_FIGURE_ENUMS, f->metric);
      put_byte (&W, C_FIGURE_ENUMS, f->unit);
    }
  for (guint i = 0; i < ds->n_articles; i++)
    {
      GPtrArray *citations = ds->citations[i], *quotes = ds->quotes[i];

      put (&W, C_CITATIONS, citations->len);
      for (guint c = 0; c < citations->len; c++)
        {
          GObject *owner = g_ptr_array_index (citations, c);
          put (&W, C_CITATIONS, NHS_IS_EVENT (owner)
                                  ? NHS_EVENT (owner)->index
                                  : GPOINTER_TO_UINT (g_hash_table_lookup (W.indices, owner)) | FIGURE_OWNER);
        }
      put (&W, C_QUOTES, quotes->len);
      for (guint q = 0; q < quotes->len; q++)
        put (&W, C_QUOTES, GPOINTER_TO_UINT (g_hash_table_lookup (W.evidence, g_ptr_array_index (quotes, q))));
    }
  if (W.blob->len >= NONE)
    goto uncacheable;

  /* the columns, taken as they are */
  children[C_MAGIC] = g_variant_new_string ("nhs-dispute-cache");
  children[C_VERSION] = g_variant_new_uint32 (CACHE_VERSION);
  children[C_APP_VERSION] = g_variant_new_string (PACKAGE_VERSION);
  children[C_SOURCE_SIZE] = g_variant_new_uint64 (key->size);
  children[C_SOURCE_HI] = g_variant_new_uint64 (key->hi);
  children[C_SOURCE_LO] = g_variant_new_uint64 (key->lo);
  {
    gsize blob_len = W.blob->len;
    guint8 *blob = g_byte_array_free (g_steal_pointer (&W.blob), FALSE);
    children[C_STRINGS] = g_variant_new_from_data (G_VARIANT_TYPE ("ay"), blob, blob_len, TRUE, g_free, blob);
  }
  for (guint i = C_DATASET; i < N_COLUMNS; i++)
    {
      GArray *column = g_steal_pointer (&W.columns[i]);
      gsize size = column->len * g_array_get_element_size (column);
      const char *type = g_array_get_element_size (column) == 1 ? "ay" : i == C_FIGURE_VALUES ? "ad" : "au";
      gpointer data = g_array_free (column, FALSE);

      children[i] = g_variant_new_from_data (G_VARIANT_TYPE (type), data, size, TRUE, g_free, data);
    }
  body = g_variant_ref_sink (g_variant_new_tuple (children, N_COLUMNS));
  g_assert (g_variant_is_of_type (body, G_VARIANT_TYPE (BODY_TYPE)));

  /* serialised once; the header holds the hash of these bytes */
  hash_bytes (g_variant_get_data (body), g_variant_get_size (body), &hi, &lo);
  memcpy (header, CACHE_MAGIC, 8);
  hi = GUINT64_TO_LE (hi);
  memcpy (header + 8, &hi, 8);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not create %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  /* g_file_replace writes beside the target and renames over it on close:
   * a reader sees the old file or the new one, never half of one */
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (out), header, HEADER_SIZE, NULL, NULL, error) ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (out), g_variant_get_data (body), g_variant_get_size (body),
                                  NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    return FALSE;
  prune (dir);
  return TRUE;

uncacheable:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "the dataset has dates the cache cannot keep exactly");
  return FALSE;
}

/* }}} */
/* Reading {{{ */

typedef struct
{
  GVariant *body;
  const char *blob;
  gsize blob_len;
  const guint32 *cols[N_COLUMNS];
  gsize lens[N_COLUMNS];
  const guint8 *bytes[N_COLUMNS];
  const double *values;
  NhsDatasetBuilder *B;
  NhsDataset *ds;
  GPtrArray *evidence;        /* every NhsEvidence made, by index (borrowed) */
  GPtrArray *scratch;
  guint n_evidence;
  const char *why;            /* what was wrong */
} Reader;

static gboolean
bad (Reader     *R,
     const char *why)
{
  R->why = why;
  return FALSE;
}

/* An id as the loader takes it: not empty, and not given already to another
 * object of the same list (a lookup would find only one of the two) */
static gboolean
check_new_id (Reader     *R,
              GHashTable *by_id,
              const char *id,
              const char *why)
{
  if (*id == '\0')
    return bad (R, "an id is empty");
  if (g_hash_table_contains (by_id, id))
    return bad (R, why);
  return TRUE;
}

/* A string by offset: NULL for NONE; FALSE when out of bounds */
static gboolean
string_at (Reader      *R,
           guint32      offset,
           gboolean     required,
           const char **out)
{
  *out = NULL;
  if (offset == NONE)
    return required ? bad (R, "a required string is missing") : TRUE;
  if (offset >= R->blob_len)
    return bad (R, "a string offset is out of bounds");
  *out = R->blob + offset;
  return TRUE;
}

static gboolean
when_at (Reader         *R,
         guint32         offset,
         gboolean        required,
         gboolean        allow_time,
         const NhsWhen **out)
{
  const char *text;

  *out = NULL;
  if (!string_at (R, offset, required, &text))
    return FALSE;
  if (text != NULL && (*out = _nhs_dataset_builder_when (R->B, text, allow_time)) == NULL)
    return bad (R, "a date does not parse");
  return TRUE;
}

static gboolean
read_columns (Reader *R)
{
  for (guint i = C_STRINGS; i < N_COLUMNS; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (R->body, i);
      gsize n = 0;
      const GVariantType *type = g_variant_get_type (child);

      if (g_variant_type_equal (type, G_VARIANT_TYPE ("ay")))
        R->bytes[i] = g_variant_get_fixed_array (child, &n, 1);
      else if (g_variant_type_equal (type, G_VARIANT_TYPE ("ad")))
        R->values = g_variant_get_fixed_array (child, &n, sizeof (double));
      else
        R->cols[i] = g_variant_get_fixed_array (child, &n, sizeof (guint32));
      R->lens[i] = n;
      /* the data stays in R->body, which holds the children's bytes */
    }
  R->blob = (const char *) R->bytes[C_STRINGS];
  R->blob_len = R->lens[C_STRINGS];
  if (R->blob_len == 0 || R->blob[R->blob_len - 1] != '\0')
    return bad (R, "the strings do not end with NUL");
  if (!nhs_json_utf8_validate (R->blob, R->blob_len))
    return bad (R, "the strings are not UTF-8");
  if (R->lens[C_DATASET] != W_DATASET ||
      R->lens[C_GROUPS] % W_GROUP != 0 || R->lens[C_GROUPS] == 0 ||
      R->lens[C_SOURCES] % W_SOURCE != 0 || R->lens[C_SOURCES] / W_SOURCE != R->lens[C_SOURCE_KINDS] ||
      R->lens[C_ARTICLES] % W_ARTICLE != 0 ||
      R->lens[C_EVENTS] % W_EVENT != 0 || R->lens[C_EVENTS] / W_EVENT * 2 != R->lens[C_EVENT_ENUMS] ||
      R->lens[C_EVIDENCE] % W_EVIDENCE != 0 ||
      R->lens[C_FIGURES] % W_FIGURE != 0 || R->lens[C_FIGURES] / W_FIGURE != R->lens[C_FIGURE_VALUES] ||
      R->lens[C_FIGURES] / W_FIGURE * 2 != R->lens[C_FIGURE_ENUMS])
    return bad (R, "the columns do not agree in size");
  if (R->lens[C_EVENTS] / W_EVENT >= FIGURE_OWNER || R->lens[C_FIGURES] / W_FIGURE >= FIGURE_OWNER)
    return bad (R, "too many objects");
  R->n_evidence = R->lens[C_EVIDENCE] / W_EVIDENCE;
  return TRUE;
}

/* A run of a flattened column: its length at offset, then the items */
static gboolean
run_at (Reader         *R,
        guint           column,
        guint32         offset,
        const guint32 **items,
        guint32        *n)
{
  if (offset >= R->lens[column] || R->cols[column][offset] > R->lens[column] - offset - 1)
    return bad (R, "a list runs out of bounds");
  *n = R->cols[column][offset];
  *items = R->cols[column] + offset + 1;
  return TRUE;
}

static gboolean
read_evidence (Reader     *R,
               GObject    *owner,
               guint32     first,
               guint32     count,
               GPtrArray **out)
{
  GPtrArray *array;

  *out = NULL;
  if (first > R->n_evidence || count > R->n_evidence - first)
    return bad (R, "evidence out of bounds");
  if (count == 0)
    {
      *out = _nhs_dataset_builder_no_evidence (R->B);
      return TRUE;
    }
  array = *out = g_ptr_array_new_full (count, g_object_unref);
  for (guint32 i = first; i < first + count; i++)
    {
      const guint32 *rec = R->cols[C_EVIDENCE] + (gsize) i * W_EVIDENCE;
      NhsEvidence *ev = g_object_new (NHS_TYPE_EVIDENCE, NULL);
      const char *quote, *note;

      g_ptr_array_add (array, ev);
      if ((rec[0] == NONE) == (rec[1] == NONE) ||
          (rec[0] != NONE && rec[0] >= R->ds->article_array->len) ||
          (rec[1] != NONE && rec[1] >= R->ds->source_array->len))
        return bad (R, "evidence names no article or source, or both");
      if (!string_at (R, rec[2], rec[0] != NONE, &quote) || !string_at (R, rec[3], FALSE, &note))
        return FALSE;
      if (rec[0] != NONE)
        ev->article = g_object_ref (g_ptr_array_index (R->ds->article_array, rec[0]));
      else
        ev->source = g_object_ref (g_ptr_array_index (R->ds->source_array, rec[1]));
      ev->quote = _nhs_dataset_builder_intern (R->B, quote);
      ev->note = _nhs_dataset_builder_intern (R->B, note);
      ev->quote_start = (int) rec[4];
      ev->quote_end = (int) rec[5];
      ev->owner = owner;
      g_ptr_array_index (R->evidence, i) = ev;
    }
  return TRUE;
}

static gboolean
read_groups_and_sources (Reader *R)
{
  NhsDataset *ds = R->ds;

  for (gsize i = 0; i < R->lens[C_GROUPS] / W_GROUP; i++)
    {
      const guint32 *rec = R->cols[C_GROUPS] + i * W_GROUP;
      const char *id, *name, *short_name, *color;

      if (!string_at (R, rec[0], TRUE, &id) || !string_at (R, rec[1], TRUE, &name) ||
          !string_at (R, rec[2], FALSE, &short_name) || !string_at (R, rec[3], FALSE, &color) ||
          !check_new_id (R, ds->group_by_id, id, "two groups have one id"))
        return FALSE;
      _nhs_dataset_add_group (ds, id, name, short_name, color);
    }
  for (gsize i = 0; i < R->lens[C_SOURCES] / W_SOURCE; i++)
    {
      const guint32 *rec = R->cols[C_SOURCES] + i * W_SOURCE;
      const char *id, *title, *publisher, *url;
      const NhsWhen *published;

      if (!string_at (R, rec[0], TRUE, &id) || !string_at (R, rec[1], TRUE, &title) ||
          !string_at (R, rec[2], FALSE, &publisher) || !string_at (R, rec[3], FALSE, &url) ||
          !when_at (R, rec[4], FALSE, FALSE, &published) ||
          !check_new_id (R, ds->source_by_id, id, "two sources have one id"))
        return FALSE;
      if (R->bytes[C_SOURCE_KINDS][i] > NHS_SOURCE_KIND_OTHER)
        return bad (R, "a source kind is out of range");
      _nhs_dataset_add_source (ds, id, title, publisher, url, published, R->bytes[C_SOURCE_KINDS][i]);
    }
  return TRUE;
}

static gboolean
read_articles (Reader *R)
{
  NhsDataset *ds = R->ds;
  guint n = R->lens[C_ARTICLES] / W_ARTICLE;

  ds->n_articles = n;
  ds->citations = g_new0 (GPtrArray *, MAX (n, 1));
  ds->quotes = g_new0 (GPtrArray *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const guint32 *rec = R->cols[C_ARTICLES] + (gsize) i * W_ARTICLE;
      const char *id, *title, *publisher, *url, *description, *body;
      const NhsWhen *published;

      ds->citations[i] = g_ptr_array_new ();
      ds->quotes[i] = g_ptr_array_new ();
      if (!string_at (R, rec[0], TRUE, &id) || !string_at (R, rec[1], TRUE, &title) ||
          !string_at (R, rec[2], FALSE, &publisher) || !string_at (R, rec[3], FALSE, &url) ||
          !string_at (R, rec[4], FALSE, &description) || !string_at (R, rec[5], TRUE, &body) ||
          !when_at (R, rec[6], FALSE, FALSE, &published) ||
          !check_new_id (R, ds->article_by_id, id, "two articles have one id"))
        return FALSE;
      _nhs_dataset_add_article (ds, id, title, publisher, url, description, body, published);
    }
  return TRUE;
}

static gboolean
read_events (Reader                 *R,
             GCancellable           *cancellable,
             NhsDatasetProgressFunc  progress,
             gpointer                progress_data)
{
  NhsDataset *ds = R->ds;
  guint n = R->lens[C_EVENTS] / W_EVENT;
  g_autofree guint32 *group_stamp = g_new0 (guint32, MAX (ds->group_array->len, 1));

  for (guint i = 0; i < n; i++)
    {
      const guint32 *rec = R->cols[C_EVENTS] + (gsize) i * W_EVENT;
      const guint8 *enums = R->bytes[C_EVENT_ENUMS] + (gsize) i * 2;
      NhsEvent *event = g_object_new (NHS_TYPE_EVENT, NULL);
      const char *id, *title, *summary, *outcome;
      const NhsWhen *start, *end;
      const guint32 *items;
      guint32 n_items;

      g_ptr_array_add (ds->event_array, event);
      if (!string_at (R, rec[0], TRUE, &id) || !string_at (R, rec[1], TRUE, &title) ||
          !string_at (R, rec[2], FALSE, &summary) || !string_at (R, rec[3], FALSE, &outcome) ||
          !when_at (R, rec[4], TRUE, TRUE, &start) || !when_at (R, rec[5], FALSE, TRUE, &end))
        return FALSE;
      if (enums[0] >= NHS_EVENT_KIND_N || enums[1] > NHS_EVENT_STATUS_CALLED_OFF)
        return bad (R, "an event kind or status is out of range");
      /* what the loader refused cannot come from a snapshot either */
      if (_nhs_when_ends_before (start, end))
        return bad (R, "an event ends before it starts");
      if (!check_new_id (R, ds->event_by_id, id, "two events have one id"))
        return FALSE;
      _nhs_event_set_text (event, id, title, summary, outcome);
      event->kind = enums[0];
      event->status = enums[1];
      event->start = _nhs_when_ref (start);
      event->end = _nhs_when_ref (end);
      event->start_is_date = start->is_date;
      event->end_is_date = end != NULL && end->is_date;
      event->index = i;

      if (!run_at (R, C_GROUP_SETS, rec[6], &items, &n_items) || n_items == 0)
        return bad (R, "an event's groups are out of bounds");
      g_ptr_array_set_size (R->scratch, 0);
      for (guint32 g = 0; g < n_items; g++)
        {
          if (items[g] >= ds->group_array->len)
            return bad (R, "a group index is out of bounds");
          /* each group once (the statistics count an event once a group) */
          if (group_stamp[items[g]] == i + 1)
            return bad (R, "an event names a group twice");
          group_stamp[items[g]] = i + 1;
          g_ptr_array_add (R->scratch, g_ptr_array_index (ds->group_array, items[g]));
        }
      event->groups = _nhs_dataset_builder_group_set (R->B, R->scratch);

      if (rec[7] != NONE)
        {
          if (!run_at (R, C_TAG_SETS, rec[7], &items, &n_items))
            return FALSE;
          g_ptr_array_set_size (R->scratch, 0);
          for (guint32 t = 0; t < n_items; t++)
            {
              const char *tag;
              if (!string_at (R, items[t], TRUE, &tag))
                return FALSE;
              g_ptr_array_add (R->scratch, (gpointer) tag);
            }
          event->tags = _nhs_dataset_builder_tag_set (R->B, R->scratch);
        }

      if (!read_evidence (R, G_OBJECT (event), rec[8], rec[9], &event->evidence))
        return FALSE;
      _nhs_dataset_builder_finish_event (R->B, event, start, end);
      if (i > 0 && ((NhsEvent *) g_ptr_array_index (ds->event_array, i - 1))->start_us > event->start_us)
        return bad (R, "the events are out of order");
      g_hash_table_insert (ds->event_by_id, event->id, event);
      ds->min_us = i == 0 ? event->start_us : MIN (ds->min_us, event->start_us);
      ds->max_us = i == 0 ? event->end_us : MAX (ds->max_us, event->end_us);

      if ((i & 1023) == 1023)
        {
          if (cancellable && g_cancellable_is_cancelled (cancellable))
            return bad (R, NULL);
          if (progress)
            progress (0.05 + 0.9 * i / n, progress_data);
        }
    }
  return TRUE;
}

static gboolean
read_figures (Reader *R)
{
  NhsDataset *ds = R->ds;

  for (gsize i = 0; i < R->lens[C_FIGURES] / W_FIGURE; i++)
    {
      const guint32 *rec = R->cols[C_FIGURES] + i * W_FIGURE;
      const guint8 *enums = R->bytes[C_FIGURE_ENUMS] + i * 2;
      g_autoptr(NhsFigure) f = g_object_new (NHS_TYPE_FIGURE, NULL);
      const char *id, *period, *basis, *claimant, *label;
      const NhsWhen *date;

      if (!string_at (R, rec[0], TRUE, &id) || !string_at (R, rec[1], FALSE, &period) ||
          !string_at (R, rec[2], FALSE, &basis) || !string_at (R, rec[3], FALSE, &claimant) ||
          !string_at (R, rec[4], FALSE, &label) || !when_at (R, rec[7], TRUE, FALSE, &date) ||
          !check_new_id (R, ds->figure_by_id, id, "two figures have one id"))
        return FALSE;
      if ((rec[5] != NONE && rec[5] >= ds->group_array->len) ||
          (rec[6] != NONE && rec[6] >= ds->event_array->len))
        return bad (R, "a figure's group or event is out of bounds");
      if (enums[0] > NHS_FIGURE_METRIC_OTHER || enums[1] > NHS_FIGURE_UNIT_DAYS)
        return bad (R, "a figure's metric or unit is out of range");
      f->id = g_strdup (id);
      f->period = _nhs_dataset_builder_intern (R->B, period);
      f->basis = _nhs_dataset_builder_intern (R->B, basis);
      f->claimant = _nhs_dataset_builder_intern (R->B, claimant);
      f->label = _nhs_dataset_builder_intern (R->B, label);
      f->group = rec[5] != NONE ? g_object_ref (g_ptr_array_index (ds->group_array, rec[5])) : NULL;
      f->event = rec[6] != NONE ? g_object_ref (g_ptr_array_index (ds->event_array, rec[6])) : NULL;
      f->date = _nhs_when_ref (date);
      f->value = R->values[i];
      f->metric = enums[0];
      f->unit = enums[1];
      g_ptr_array_add (ds->figure_array, g_object_ref (f));
      if (!read_evidence (R, G_OBJECT (f), rec[8], rec[9], &f->evidence))
        return FALSE;
      g_hash_table_insert (ds->figure_by_id, f->id, f);
    }
  return TRUE;
}

/* An article's quotes, listed in text order: each quotes this article,
 * once, and its character range lies in the body and spells the quote (the
 * loader found it there; a damaged snapshot must not send the reader's
 * highlight out of the text). One walk along the body. */
static gboolean
check_quotes (Reader         *R,
              NhsArticle     *article,
              const guint32  *items,
              guint32         n,
              guint8         *checked)
{
  const char *p = nhs_article_get_body (article);
  int pos = 0;

  for (guint32 i = 0; i < n; i++)
    {
      NhsEvidence *ev;
      const char *q;
      gsize len;

      if (items[i] >= R->n_evidence || (ev = g_ptr_array_index (R->evidence, items[i])) == NULL ||
          ev->article != article || checked[items[i]])
        return bad (R, "a quote is out of bounds");
      checked[items[i]] = 1;
      if (ev->quote_start < pos || ev->quote_end <= ev->quote_start)
        return bad (R, "the quotes are out of order");
      for (; pos < ev->quote_start; pos++, p = g_utf8_next_char (p))
        if (*p == '\0')
          return bad (R, "a quote lies beyond its article");
      q = p;
      for (int k = ev->quote_start; k < ev->quote_end; k++, q = g_utf8_next_char (q))
        if (*q == '\0')
          return bad (R, "a quote lies beyond its article");
      len = (gsize) (q - p);
      if (ev->quote == NULL || strlen (ev->quote) != len || memcmp (ev->quote, p, len) != 0)
        return bad (R, "a quote does not match its article");
    }
  return TRUE;
}

/* Who cites each article, and its quotes in text order, as written */
static gboolean
read_article_links (Reader *R)
{
  NhsDataset *ds = R->ds;
  guint32 c = 0, q = 0;
  g_autofree guint8 *checked = g_new0 (guint8, MAX (R->n_evidence, 1));

  for (guint a = 0; a < ds->n_articles; a++)
    {
      const guint32 *items;
      guint32 n;

      if (!run_at (R, C_CITATIONS, c, &items, &n))
        return FALSE;
      for (guint32 i = 0; i < n; i++)
        {
          guint32 owner = items[i];
          GPtrArray *from = owner & FIGURE_OWNER ? ds->figure_array : ds->event_array;

          if ((owner & ~FIGURE_OWNER) >= from->len)
            return bad (R, "a citation is out of bounds");
          g_ptr_array_add (ds->citations[a], g_ptr_array_index (from, owner & ~FIGURE_OWNER));
        }
      c += n + 1;

      if (!run_at (R, C_QUOTES, q, &items, &n))
        return FALSE;
      if (!check_quotes (R, g_ptr_array_index (ds->article_array, a), items, n, checked))
        return FALSE;
      for (guint32 i = 0; i < n; i++)
        g_ptr_array_add (ds->quotes[a], g_ptr_array_index (R->evidence, items[i]));
      q += n + 1;
    }
  if (c != R->lens[C_CITATIONS] || q != R->lens[C_QUOTES])
    return bad (R, "the article links do not add up");
  /* every quote of an article was checked above */
  for (guint32 i = 0; i < R->n_evidence; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (R->evidence, i);

      if (ev != NULL && ev->article != NULL && !checked[i])
        return bad (R, "a quote is missing from its article's list");
    }
  return TRUE;
}

static NhsDataset *
decode (GBytes                 *bytes,
        const NhsCacheKey      *key,
        const char             *display_name,
        GCancellable           *cancellable,
        NhsDatasetProgressFunc  progress,
        gpointer                progress_data,
        gboolean               *damaged,
        const char            **why)
{
  Reader R = { 0 };
  g_autoptr(GBytes) body_bytes = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(GVariant) magic = NULL, app_version = NULL;
  const guchar *data;
  gsize len;
  guint64 stored, hi, lo;
  const char *tz_id, *title, *description;
  const NhsWhen *updated;
  g_autoptr(GTimeZone) tz = NULL;
  gboolean ok = FALSE;

  *damaged = TRUE;
  data = g_bytes_get_data (bytes, &len);
  if (len < HEADER_SIZE || memcmp (data, CACHE_MAGIC, 8) != 0)
    {
      *why = "not a cache file";
      return NULL;
    }
  memcpy (&stored, data + 8, 8);
  hash_bytes (data + HEADER_SIZE, len - HEADER_SIZE, &hi, &lo);
  if (GUINT64_FROM_LE (stored) != hi)
    {
      *why = "the hash does not match: the file is damaged";
      return NULL;
    }

  body_bytes = g_bytes_new_from_bytes (bytes, HEADER_SIZE, len - HEADER_SIZE);
  R.body = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (BODY_TYPE), body_bytes, FALSE));
  magic = g_variant_get_child_value (R.body, C_MAGIC);
  app_version = g_variant_get_child_value (R.body, C_APP_VERSION);
  if (g_strcmp0 (g_variant_get_string (magic, NULL), "nhs-dispute-cache") != 0)
    {
      *why = "not a cache file";
      goto out;
    }
  {
    g_autoptr(GVariant) version = g_variant_get_child_value (R.body, C_VERSION);
    if (g_variant_get_uint32 (version) != CACHE_VERSION ||
        g_strcmp0 (g_variant_get_string (app_version, NULL), PACKAGE_VERSION) != 0)
      {
        /* another version of the app wrote it: leave it to that one */
        *damaged = FALSE;
        *why = "written by another version";
        goto out;
      }
  }
  {
    g_autoptr(GVariant) size = g_variant_get_child_value (R.body, C_SOURCE_SIZE);
    g_autoptr(GVariant) khi = g_variant_get_child_value (R.body, C_SOURCE_HI);
    g_autoptr(GVariant) klo = g_variant_get_child_value (R.body, C_SOURCE_LO);
    if (g_variant_get_uint64 (size) != key->size || g_variant_get_uint64 (khi) != key->hi ||
        g_variant_get_uint64 (klo) != key->lo)
      {
        *why = "written for another file";
        goto out;
      }
  }
  if (!read_columns (&R))
    {
      *why = R.why;
      goto out;
    }

  ds = _nhs_dataset_new ();
  ds->display_name = g_strdup (display_name);
  ds->from_cache = TRUE;
  R.ds = ds;
  R.B = _nhs_dataset_builder_new ();
  R.scratch = g_ptr_array_new ();
  R.evidence = g_ptr_array_new ();
  g_ptr_array_set_size (R.evidence, R.n_evidence);

  if (!string_at (&R, R.cols[C_DATASET][0], TRUE, &title) ||
      !string_at (&R, R.cols[C_DATASET][1], FALSE, &description) ||
      !string_at (&R, R.cols[C_DATASET][2], TRUE, &tz_id))
    goto invalid;
  if ((tz = g_time_zone_new_identifier (tz_id)) == NULL)
    {
      /* the system's zones changed since: parse, and say so as a parse would */
      *damaged = FALSE;
      R.why = "the time zone is no longer known";
      goto invalid;
    }
  ds->title = g_strdup (title);
  ds->description = g_strdup (description);
  ds->timezone_id = g_strdup (tz_id);
  ds->timezone = g_time_zone_ref (tz);
  _nhs_dataset_builder_set_timezone (R.B, tz);
  if (!when_at (&R, R.cols[C_DATASET][3], FALSE, FALSE, &updated))
    goto invalid;
  ds->updated = _nhs_when_ref (updated);

  if (progress)
    progress (0.05, progress_data);
  if (!read_groups_and_sources (&R) || !read_articles (&R) ||
      !read_events (&R, cancellable, progress, progress_data) ||
      !read_figures (&R) || !read_article_links (&R))
    goto invalid;
  if (progress)
    progress (1.0, progress_data);
  ok = TRUE;

invalid:
  if (!ok)
    *why = R.why;
  _nhs_dataset_builder_free (R.B);
  g_clear_pointer (&R.scratch, g_ptr_array_unref);
  g_clear_pointer (&R.evidence, g_ptr_array_unref);
out:
  g_clear_pointer (&R.body, g_variant_unref);
  return ok ? g_steal_pointer (&ds) : NULL;
}

NhsDataset *
_nhs_dataset_cache_read (const NhsCacheKey      *key,
                         const char             *display_name,
                         GCancellable           *cancellable,
                         NhsDatasetProgressFunc  progress,
                         gpointer                progress_data,
                         gboolean               *cancelled)
{
  g_autofree char *path = _nhs_dataset_cache_path (key);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NhsDataset *ds;
  gboolean damaged = FALSE;
  const char *why = NULL;

  *cancelled = FALSE;
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  ds = decode (bytes, key, display_name, cancellable, progress, progress_data, &damaged, &why);
  if (ds != NULL)
    {
      /* recently used: pruning keeps it */
      g_utime (path, NULL);
      return ds;
    }
  if (why == NULL)
    {
      *cancelled = TRUE;
      return NULL;
    }
  g_debug ("Not using the cache %s: %s", path, why);
  if (damaged)
    g_unlink (path);
  return NULL;
}

/* }}} */
