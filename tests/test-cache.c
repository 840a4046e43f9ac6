/* test-cache.c: reopening a dataset from its cached snapshot
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "nhs-dataset-cache.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-event-writer.h"
#include "test-dump.h"
#include "test-util.h"

typedef struct
{
  char *dir;                  /* a private cache directory */
  char *work;                 /* where the tests write dataset files */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("nhs-cache-XXXXXX", NULL);
  f->work = g_dir_make_tmp ("nhs-work-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  g_assert_nonnull (f->work);
  _nhs_dataset_cache_set_dir (f->dir);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  _nhs_dataset_cache_set_dir (NULL);
  remove_dir (f->dir);
  remove_dir (f->work);
  g_free (f->dir);
  g_free (f->work);
}

static guint
count_cache_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Writes text to name in the work directory; returns the path */
static char *
put_file (Fixture    *f,
          const char *name,
          const char *text,
          gssize      len)
{
  char *path = g_build_filename (f->work, name, NULL);

  g_assert_true (g_file_set_contents (path, text, len, NULL));
  return path;
}

static NhsDataset *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static char *
events_json (NhsDataset *ds)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nhs_dataset_get_n_events (ds); i++)
    g_ptr_array_add (events, nhs_dataset_get_event (ds, i));
  nhs_write_events_json (out, events);
  return g_string_free (out, FALSE);
}

static char *
cache_file_for (const char *path)
{
  g_autofree char *text = NULL;
  gsize len;
  NhsCacheKey key;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  _nhs_cache_key_init (&key, text, len);
  return _nhs_dataset_cache_path (&key);
}

/* A parse, then the cache: every getter gives the same, and so does the
 * JSON of --list-events */
static void
test_reload_identical (Fixture       *f,
                       gconstpointer  data)
{
  const char *names[] = { "fixture.json", "synthetic-200.json", "minimal.json" };
  g_autoptr(GBytes) bundled = g_resources_lookup_data (NHS_DATASET_BUNDLED_RESOURCE, 0, NULL);

  for (guint i = 0; i <= G_N_ELEMENTS (names); i++)
    {
      gsize len;
      g_autofree char *text = i < G_N_ELEMENTS (names) ? test_read_data (names[i], &len)
                                                         : g_strndup (g_bytes_get_data (bundled, &len), g_bytes_get_size (bundled));
      g_autofree char *path = put_file (f, "data.json", text, len);
      g_autoptr(NhsDataset) parsed = load (path);
      g_autoptr(NhsDataset) cached = load (path);
      g_autofree char *json_a = events_json (parsed);
      g_autofree char *json_b = events_json (cached);

      g_assert_false (parsed->from_cache);
      g_assert_true (cached->from_cache);
      test_assert_same_dataset (parsed, cached);
      g_assert_cmpstr (json_a, ==, json_b);
      g_assert_true (g_file_equal (nhs_dataset_get_file (cached), nhs_dataset_get_file (parsed)));
      g_unlink (path);
    }
  g_assert_cmpuint (count_cache_files (f), ==, 4);
}

/* Times near clock changes and offsets survive the cache exactly */
static void
test_reload_clock_changes (Fixture       *f,
                           gconstpointer  data)
{
  const char *zones[] = { "Europe/London", "America/Sao_Paulo", "Australia/Lord_Howe" };
  const char *days[] = { "2018-11-04", "2023-03-26", "2023-10-29", "2023-04-02", "2023-10-01" };
  const char *times[] = { "", "T00:00", "T00:30", "T01:00", "T01:30", "T02:00", "T02:30", "T07:00",
                          "T23:59:59", "T01:30+05:30", "T02:15Z" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autofree char *path = NULL;
      g_autoptr(NhsDataset) parsed = NULL;
      g_autoptr(NhsDataset) cached = NULL;
      guint n = 0;

      g_string_append_printf (json, "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\","
                              "\"timezone\":\"%s\",\"updated\":\"2018-11-04\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],"
                              "\"figures\":[{\"id\":\"f\",\"metric\":\"other\",\"date\":\"2018-11-04\",\"value\":1,\"unit\":\"count\"}],"
                              "\"events\":[", zones[z]);
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        for (guint t = 0; t < G_N_ELEMENTS (times); t++)
          {
            g_string_append_printf (json, "%s{\"id\":\"e%u\",\"kind\":\"strike\",\"groups\":[\"a\"],"
                                    "\"start\":\"%s%s\",\"end\":\"%s\",\"title\":\"S\"}",
                                    n ? "," : "", n, days[d], times[t], days[d]);
            n++;
          }
      g_string_append (json, "]}");

      path = put_file (f, "clocks.json", json->str, json->len);
      parsed = load (path);
      cached = load (path);
      g_assert_true (cached->from_cache);
      test_assert_same_dataset (parsed, cached);
    }
}

/* Every kind of damage: the file loads from its text as if there were no
 * cache, and the damaged cache is replaced */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  gsize len, cache_len;
  g_autofree char *text = test_read_data ("synthetic-200.json", &len);
  g_autofree char *path = put_file (f, "data.json", text, len);
  g_autofree char *cache = cache_file_for (path);
  g_autofree char *good = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint rounds = g_test_slow () ? 3000 : 60;

  {
    g_autoptr(NhsDataset) parsed = load (path);
    expected = test_dump_dataset (parsed);
  }
  g_assert_true (g_file_get_contents (cache, &good, &cache_len, NULL));

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GString) bad = g_string_new_len (good, cache_len);
      g_autoptr(NhsDataset) ds = NULL;
      g_autoptr(NhsDataset) again = NULL;
      g_autofree char *dump = NULL;

      switch (round % 4)
        {
        case 0:       /* cut short anywhere, from nothing to one byte short */
          g_string_truncate (bad, round < 4 ? round * 8 : g_rand_int_range (rand, 0, cache_len));
          break;
        case 1:       /* a byte changed, in the header or anywhere after */
          {
            gsize at = round < 8 ? g_rand_int_range (rand, 0, 16) : g_rand_int_range (rand, 0, cache_len);
            bad->str[at] ^= 1 << g_rand_int_range (rand, 0, 8);
          }
          break;
        case 2:       /* garbage after the end */
          g_string_append (bad, "garbage");
          break;
        default:      /* a run of bytes overwritten */
          {
            gsize at = g_rand_int_range (rand, 16, cache_len - 64);
            for (guint i = 0; i < 64; i++)
              bad->str[at + i] = (char) g_rand_int_range (rand, 0, 256);
          }
        }
      g_assert_true (g_file_set_contents (cache, bad->str, bad->len, NULL));

      ds = load (path);
      g_assert_false (ds->from_cache);
      dump = test_dump_dataset (ds);
      g_assert_cmpstr (dump, ==, expected);

      /* written afresh: the next load uses it */
      again = load (path);
      g_assert_true (again->from_cache);
    }
}

/* Damage behind a hash that matches it (as if made on purpose): the reader
 * checks every offset and index itself, so the file still loads, from the
 * cache or from its text, and nothing reads out of bounds (run this under
 * a sanitizer with -m slow) */
static void
test_damaged_resealed (Fixture       *f,
                       gconstpointer  data)
{
  gsize len, cache_len;
  g_autofree char *text = test_read_data ("synthetic-200.json", &len);
  g_autofree char *path = put_file (f, "data.json", text, len);
  g_autofree char *cache = cache_file_for (path);
  g_autofree char *good = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint rounds = g_test_slow () ? 5000 : 200;
  guint from_cache = 0;

  {
    /* the first load writes the cache */
    g_autoptr(NhsDataset) first = load (path);
  }
  g_assert_true (g_file_get_contents (cache, &good, &cache_len, NULL));

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GString) bad = g_string_new_len (good, cache_len);
      g_autoptr(NhsDataset) ds = NULL;
      guint n = 1 + g_rand_int_range (rand, 0, 4);

      for (guint i = 0; i < n; i++)
        {
          gsize at = g_rand_int_range (rand, 16, bad->len);

          if (round % 3 == 0)
            /* a field set to an extreme: an offset or index far off */
            memset (bad->str + (at & ~(gsize) 3), 0xff, MIN (4, bad->len - (at & ~(gsize) 3)));
          else if (round % 3 == 1)
            bad->str[at] = (char) g_rand_int_range (rand, 0, 256);
          else
            g_string_truncate (bad, at);
        }
      _nhs_dataset_cache_reseal (bad->str, bad->len);
      g_assert_true (g_file_set_contents (cache, bad->str, bad->len, NULL));
      ds = load (path);
      g_assert_cmpuint (nhs_dataset_get_n_events (ds), >, 0);
      from_cache += ds->from_cache;
    }
  g_test_message ("%u of %u damaged files still read from the cache", from_cache, rounds);
}

/* A snapshot whose article text no longer holds a quote where the quote
 * says (a byte changed, the hash resealed) is not served: the reader's
 * highlight would fall beside the words, or beyond the text */
static void
test_quote_moved (Fixture       *f,
                  gconstpointer  data)
{
  gsize len, cache_len;
  g_autofree char *text = test_read_data ("fixture.json", &len);
  g_autofree char *path = put_file (f, "data.json", text, len);
  g_autofree char *cache = cache_file_for (path);
  g_autofree char *snapshot = NULL;
  g_autoptr(NhsDataset) first = load (path);
  g_autoptr(NhsDataset) again = NULL;
  const char *quote = NULL;
  guint changed = 0;

  /* a quote from inside an article, not at its start */
  for (guint i = 0; i < nhs_dataset_get_n_events (first) && quote == NULL; i++)
    {
      GPtrArray *evidence = nhs_event_get_evidence (nhs_dataset_get_event (first, i));

      for (guint e = 0; e < evidence->len && quote == NULL; e++)
        {
          NhsEvidence *ev = g_ptr_array_index (evidence, e);

          if (nhs_evidence_get_article (ev) != NULL && nhs_evidence_get_quote_start (ev) > 0)
            quote = nhs_evidence_get_quote (ev);
        }
    }
  g_assert_nonnull (quote);
  g_assert_true (g_file_get_contents (cache, &snapshot, &cache_len, NULL));

  /* change the quote's first letter where the body holds it, not where
   * the quote is stored on its own (after a NUL) */
  for (char *at = snapshot + 16; at + strlen (quote) <= snapshot + cache_len; at++)
    if (at[-1] != '\0' && memcmp (at, quote, strlen (quote)) == 0)
      {
        *at = *at == 'x' ? 'y' : 'x';
        changed++;
      }
  g_assert_cmpuint (changed, >, 0);
  _nhs_dataset_cache_reseal (snapshot, cache_len);
  g_assert_true (g_file_set_contents (cache, snapshot, cache_len, NULL));

  again = load (path);
  g_assert_false (again->from_cache);
  g_assert_cmpuint (nhs_dataset_get_n_events (again), ==, nhs_dataset_get_n_events (first));
}

/* The snapshot's body as nhs-dataset-cache.c writes it (its BODY_TYPE),
 * after a 16-byte header, and where the records of each list are in it */
#define SNAPSHOT_HEADER 16
#define SNAPSHOT_TYPE "(susttt" "ay" "au" "au" "au" "ay" "au" "au" "ay" "au" "au" "au" "au" "ad" "ay" "au" "au" ")"
enum { COL_GROUPS = 8, COL_SOURCES = 9, COL_ARTICLES = 11, COL_EVENTS = 12, COL_FIGURES = 17 };

/* The snapshot with record 1 of a column given the id (the first field)
 * of record 0, sealed again; width 0 changes nothing */
static GString *
snapshot_with_shared_id (const char *snapshot,
                         gsize       len,
                         guint       column,
                         guint       width)
{
  g_autoptr(GBytes) bytes = g_bytes_new (snapshot + SNAPSHOT_HEADER, len - SNAPSHOT_HEADER);
  g_autoptr(GVariant) body = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SNAPSHOT_TYPE), bytes, FALSE));
  gsize n_children = g_variant_n_children (body);
  g_autofree GVariant **children = g_new0 (GVariant *, n_children);
  g_autoptr(GVariant) changed = NULL;
  GString *out = g_string_new_len (snapshot, SNAPSHOT_HEADER);

  g_assert_true (g_variant_is_normal_form (body));
  for (gsize i = 0; i < n_children; i++)
    {
      children[i] = g_variant_get_child_value (body, i);
      if (i == column && width > 0)
        {
          gsize n;
          const guint32 *fields = g_variant_get_fixed_array (children[i], &n, sizeof (guint32));
          g_autofree guint32 *copy = g_memdup2 (fields, n * sizeof (guint32));

          /* two records at least, and the two ids differ */
          g_assert_cmpuint (n, >=, 2 * width);
          g_assert_cmpuint (copy[width], !=, copy[0]);
          copy[width] = copy[0];
          g_variant_unref (children[i]);
          children[i] = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, copy, n,
                                                                       sizeof (guint32)));
        }
    }
  /* the tuple takes references of its own: the children are ours to drop */
  changed = g_variant_ref_sink (g_variant_new_tuple (children, n_children));
  for (gsize i = 0; i < n_children; i++)
    g_variant_unref (children[i]);
  g_string_append_len (out, g_variant_get_data (changed), g_variant_get_size (changed));
  _nhs_dataset_cache_reseal (out->str, out->len);
  return out;
}

/* Two groups, sources, articles, events or figures with one id: the loader
 * refuses such a file, so a snapshot holding them is damage, and the file
 * is parsed instead (a lookup by id would find only one of the two) */
static void
test_duplicate_ids (Fixture       *f,
                    gconstpointer  data)
{
  const struct {
    guint column;
    guint width;
    const char *why;
  } cases[] = {
    { COL_GROUPS, 4, "two groups have one id" },
    { COL_SOURCES, 5, "two sources have one id" },
    { COL_ARTICLES, 7, "two articles have one id" },
    { COL_EVENTS, 10, "two events have one id" },
    { COL_FIGURES, 10, "two figures have one id" },
  };
  gsize len, cache_len;
  g_autofree char *text = test_read_data ("markup.json", &len);
  g_autofree char *path = put_file (f, "data.json", text, len);
  g_autofree char *cache = cache_file_for (path);
  g_autofree char *snapshot = NULL;
  g_autoptr(NhsDataset) first = load (path);
  g_autofree char *expected = test_dump_dataset (first);

  g_assert_false (first->from_cache);
  g_assert_true (g_file_get_contents (cache, &snapshot, &cache_len, NULL));

  /* taken apart and put together unchanged, the snapshot still serves */
  {
    g_autoptr(GString) same = snapshot_with_shared_id (snapshot, cache_len, 0, 0);
    g_autoptr(NhsDataset) again = NULL;
    g_autofree char *dump = NULL;

    g_assert_true (g_file_set_contents (cache, same->str, same->len, NULL));
    again = load (path);
    g_assert_true (again->from_cache);
    dump = test_dump_dataset (again);
    g_assert_cmpstr (dump, ==, expected);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) bad = snapshot_with_shared_id (snapshot, cache_len, cases[i].column, cases[i].width);
      g_autoptr(NhsDataset) again = NULL;
      g_autofree char *pattern = g_strdup_printf ("*: %s", cases[i].why);
      g_autofree char *dump = NULL;

      g_test_message ("%s", cases[i].why);
      g_assert_true (g_file_set_contents (cache, bad->str, bad->len, NULL));
      g_test_expect_message ("nhs-dataset-cache", G_LOG_LEVEL_DEBUG, pattern);
      again = load (path);
      g_test_assert_expected_messages ();
      /* parsed again, whole */
      g_assert_false (again->from_cache);
      dump = test_dump_dataset (again);
      g_assert_cmpstr (dump, ==, expected);
    }
}

/* A file that changed (even keeping its size and time) is not served from
 * the old snapshot */
static void
test_changed_file (Fixture       *f,
                   gconstpointer  data)
{
  gsize len;
  g_autofree char *original = test_read_data ("fixture.json", &len);
  g_autoptr(GString) text = g_string_new_len (original, len);
  g_autofree char *path = put_file (f, "data.json", text->str, text->len);
  struct utimbuf times = { 1700000000, 1700000000 };
  g_autoptr(NhsDataset) first = NULL;
  g_autoptr(NhsDataset) second = NULL;
  const char *title;

  g_assert_cmpint (g_utime (path, &times), ==, 0);
  first = load (path);
  g_clear_object (&first);
  first = load (path);
  g_assert_true (first->from_cache);

  /* same length, same modification time, one word different */
  title = strstr (text->str, "\"Five-day walkout\"");
  g_assert_nonnull (title);
  g_string_overwrite (text, title - text->str + 1, "Fine");
  g_assert_cmpuint (text->len, ==, len);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_assert_cmpint (g_utime (path, &times), ==, 0);

  second = load (path);
  g_assert_false (second->from_cache);
  g_assert_cmpstr (nhs_event_get_title (nhs_dataset_lookup_event (second, "rd-2024-02")), ==, "Fine-day walkout");
  g_assert_cmpstr (nhs_event_get_title (nhs_dataset_lookup_event (first, "rd-2024-02")), ==, "Five-day walkout");
}

/* The same text under another name: the cache serves it, with its name */
static void
test_copied_file (Fixture       *f,
                  gconstpointer  data)
{
  gsize len;
  g_autofree char *text = test_read_data ("fixture.json", &len);
  g_autofree char *a = put_file (f, "first.json", text, len);
  g_autofree char *b = put_file (f, "second.json", text, len);
  g_autoptr(NhsDataset) parsed = load (a);
  g_autoptr(NhsDataset) cached = load (b);

  g_assert_true (cached->from_cache);
  g_assert_cmpstr (nhs_dataset_get_display_name (cached), ==, "second.json");
  g_assert_cmpstr (g_file_peek_path (nhs_dataset_get_file (cached)), ==, b);
}

/* Nothing cached for the bundled dataset (it is a resource), for a file
 * that does not load, or for dates the cache cannot keep exactly */
static void
test_not_cached (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) bundled = nhs_dataset_load_bundled (&error);
  const char *fraction = "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\","
                         "\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[{\"id\":\"e\",\"kind\":\"talks\","
                         "\"groups\":[\"a\"],\"start\":\"2024-01-01T10:00:00.5\",\"title\":\"E\"}]}";
  g_autofree char *bad = put_file (f, "bad.json", "{\"format\":\"nhs-dispute-dataset\"}", -1);
  g_autofree char *odd = put_file (f, "fraction.json", fraction, -1);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(NhsDataset) none = NULL;
  g_autoptr(NhsDataset) first = NULL;
  g_autoptr(NhsDataset) second = NULL;

  g_assert_no_error (error);
  none = nhs_dataset_load_file (bad_file, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_VERSION);
  first = load (odd);
  second = load (odd);
  g_assert_false (second->from_cache);
  g_assert_cmpint (nhs_event_get_start_us (nhs_dataset_get_event (second, 0)) % G_USEC_PER_SEC, ==, 500000);
  g_assert_cmpuint (count_cache_files (f), ==, 0);
}

/* The cache keeps the files used last, a handful */
static void
test_pruned (Fixture       *f,
             gconstpointer  data)
{
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T%u\","
                                               "\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}", i);
      g_autofree char *path = put_file (f, "data.json", json, -1);
      g_autoptr(NhsDataset) ds = load (path);
    }
  g_assert_cmpuint (count_cache_files (f), ==, 8);
}

typedef struct
{
  NhsDataset *ds;
  GError *error;
  double last;
  gboolean done;
} AsyncLoad;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncLoad *load = user_data;

  /* progress only ever moves forward, within 0..1 */
  g_assert_cmpfloat (fraction, >=, load->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  load->last = fraction;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncLoad *load = user_data;

  load->ds = nhs_dataset_load_file_finish (result, &load->error);
  load->done = TRUE;
}

static NhsDataset *
load_async (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncLoad load = { 0 };

  nhs_dataset_load_file_async (file, NULL, async_progress_cb, &load, async_done_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (load.error);
  return load.ds;
}

/* Loading in a thread: the snapshot is written after the dataset is handed
 * over, and the next load in a thread uses it */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  gsize len;
  g_autofree char *text = test_read_data ("synthetic-200.json", &len);
  g_autofree char *path = put_file (f, "data.json", text, len);
  g_autofree char *cache = cache_file_for (path);
  g_autoptr(NhsDataset) parsed = load_async (path);
  g_autoptr(NhsDataset) cached = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_false (parsed->from_cache);
  /* the thread writes the snapshot after it hands the dataset over, and
   * renames it into place once it is whole: wait for it */
  while (!g_file_test (cache, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_object (&cached);
      cached = load_async (path);
      if (cached->from_cache)
        break;
      g_usleep (10000);
    }
  g_assert_true (cached->from_cache);
  test_assert_same_dataset (parsed, cached);
}

/* NHS_DISPUTE_NO_CACHE=1 turns it off */
static void
test_disabled (Fixture       *f,
               gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      gsize len;
      g_autofree char *text = test_read_data ("fixture.json", &len);
      g_autofree char *path = put_file (f, "data.json", text, len);
      g_autoptr(NhsDataset) a = load (path);
      g_autoptr(NhsDataset) b = load (path);

      g_assert_false (b->from_cache);
      g_assert_cmpuint (count_cache_files (f), ==, 0);
      return;
    }
  g_setenv ("NHS_DISPUTE_NO_CACHE", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("NHS_DISPUTE_NO_CACHE");
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cache/reload-identical", test_reload_identical);
  ADD ("/cache/reload-clock-changes", test_reload_clock_changes);
  ADD ("/cache/damaged", test_damaged);
  ADD ("/cache/damaged-resealed", test_damaged_resealed);
  ADD ("/cache/quote-moved", test_quote_moved);
  ADD ("/cache/duplicate-ids", test_duplicate_ids);
  ADD ("/cache/changed-file", test_changed_file);
  ADD ("/cache/copied-file", test_copied_file);
  ADD ("/cache/not-cached", test_not_cached);
  ADD ("/cache/pruned", test_pruned);
  ADD ("/cache/async", test_async);
  ADD ("/cache/disabled", test_disabled);
#undef ADD

  return g_test_run ();
}
