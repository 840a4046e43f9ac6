/* nhs-bench.c: figures for docs/benchmarks.md
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each mode runs in a process of its own (build-aux/bench starts them), so
 * that peak memory belongs to one stage alone. A mode prints "key value"
 * lines; build-aux/bench turns them into the table. Times are wall-clock
 * milliseconds, the best of several repetitions: on a shared machine other
 * work only ever adds time, so the least is the truest figure. The floor
 * and the load also give the processor time of the process (every thread)
 * over the same calls, the least of the repetitions, as <mode>_cpu_ms;
 * with NHS_BENCH_VERBOSE=1 in the environment, every repetition is told on
 * stderr.
 *
 *   nhs-bench floor FILE      json-glib's parse alone, the floor for a json-glib loader
 *   nhs-bench load FILE       nhs_dataset_load_file
 *   nhs-bench async FILE      nhs_dataset_load_file_async: progress, and the longest the
 *                             main loop waited meanwhile
 *   nhs-bench filter FILE     nhs_event_filter_match over every event
 *   nhs-bench chart FILE      chart model, render and PNG export
 *   nhs-bench dump FILE       every getter of every object, for comparing builds
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nhs-chart-export.h"
#include "nhs-chart-model.h"
#include "nhs-chart-renderer.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-document.h"
#include "nhs-event-filter.h"
#include "nhs-event-writer.h"
#include "test-dump.h"

/* Helpers {{{ */

/* kB from /proc/self/status */
static gint64
status_kb (const char *key)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  line = strstr (contents, key);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (key) + 1, NULL, 10);
}

/* Resets VmHWM to the present RSS, so a peak belongs to what follows */
static void
reset_peak (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
}

static void
put_mb (const char *key, gint64 kb)
{
  printf ("%s %.1f\n", key, kb / 1024.0);
}

static void
put_ms (const char *key, double ms)
{
  printf ("%s %.3f\n", key, ms);
}

static int
double_cmp (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
best (double *v, guint n)
{
  qsort (v, n, sizeof *v, double_cmp);
  return v[0];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Processor time of the process, every thread of it, in ms */
static double
cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* One repetition on stderr, when asked for */
static void
tell_rep (const char *mode,
          guint       r,
          double      wall,
          double      cpu)
{
  static int verbose = -1;

  if (verbose < 0)
    verbose = g_strcmp0 (g_getenv ("NHS_BENCH_VERBOSE"), "1") == 0;
  if (verbose)
    g_printerr ("nhs-bench: %s, repetition %u: %.1f ms, processor %.1f ms\n", mode, r + 1, wall, cpu);
}

/* Waits (up to a minute) until the process has no more threads than it had:
 * a large dataset is freed in a thread of its own, which would otherwise
 * share the processor and the allocator with the next load timed, where
 * json-glib's tree is freed before its next parse begins */
static void
wait_for_threads (gint64 threads)
{
  double t0 = now_ms ();

  while (status_kb ("Threads:") > threads && now_ms () - t0 < 60000)
    g_usleep (1000);
}

/* Fewer repetitions of a load as the file grows */
static guint
reps_for (gsize size)
{
  if (size < (1 << 20))
    return 15;
  if (size < (16 << 20))
    return 7;
  if (size < (128 << 20))
    return 3;
  return 2;
}

/* A pass of the filter is quick: repeat it more */
#define FILTER_REPS 11

static gsize
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gsize) st.st_size : 0;
}

static NhsDataset *
load_or_die (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NhsDataset *ds = nhs_dataset_load_file (file, NULL, &error);

  if (ds == NULL)
    {
      g_printerr ("nhs-bench: %s\n", error->message);
      exit (1);
    }
  return ds;
}

/* }}} */
/* Loading {{{ */

static int
run_floor (const char *path)
{
  guint reps = reps_for (file_size (path));
  g_autofree double *times = g_new (double, reps);
  g_autofree double *cpus = g_new (double, reps);

  for (guint r = 0; r < reps; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      double t0, c0;

      if (r == 0)
        reset_peak ();
      c0 = cpu_ms ();
      t0 = now_ms ();
      if (!json_parser_load_from_mapped_file (parser, path, &error))
        {
          g_printerr ("nhs-bench: %s\n", error->message);
          return 1;
        }
      times[r] = now_ms () - t0;
      cpus[r] = cpu_ms () - c0;
      tell_rep ("floor", r, times[r], cpus[r]);
      if (r == 0)
        {
          put_mb ("floor_peak_mb", status_kb ("VmHWM:"));
          put_mb ("floor_rss_mb", status_kb ("VmRSS:"));
        }
    }
  put_ms ("floor_ms", best (times, reps));
  put_ms ("floor_cpu_ms", best (cpus, reps));
  return 0;
}

/* Loads the file reps times: the best time, the first load's peak and
 * settled memory, and what freeing costs, as <prefix>_ms, _peak_mb, _rss_mb
 * and _free_ms */
static gboolean
measure_loads (const char *path,
               const char *prefix)
{
  guint reps = reps_for (file_size (path));
  g_autofree double *times = g_new (double, reps);
  g_autofree double *frees = g_new (double, reps);
  g_autofree double *cpus = g_new (double, reps);
  g_autofree char *key_ms = g_strconcat (prefix, "_ms", NULL);
  g_autofree char *key_cpu = g_strconcat (prefix, "_cpu_ms", NULL);
  g_autofree char *key_peak = g_strconcat (prefix, "_peak_mb", NULL);
  g_autofree char *key_rss = g_strconcat (prefix, "_rss_mb", NULL);
  g_autofree char *key_free = g_strconcat (prefix, "_free_ms", NULL);

  gint64 threads = status_kb ("Threads:");

  for (guint r = 0; r < reps; r++)
    {
      NhsDataset *ds;
      double t0, c0;

      if (r == 0)
        reset_peak ();
      c0 = cpu_ms ();
      t0 = now_ms ();
      ds = load_or_die (path);
      times[r] = now_ms () - t0;
      cpus[r] = cpu_ms () - c0;
      tell_rep (prefix, r, times[r], cpus[r]);
      if (r == 0)
        {
          put_mb (key_peak, status_kb ("VmHWM:"));
          put_mb (key_rss, status_kb ("VmRSS:"));
          printf ("events %u\n", nhs_dataset_get_n_events (ds));
        }
      /* what closing it costs (the window replacing one dataset by another) */
      t0 = now_ms ();
      g_object_unref (ds);
      frees[r] = now_ms () - t0;
      wait_for_threads (threads);
    }
  put_ms (key_ms, best (times, reps));
  put_ms (key_cpu, best (cpus, reps));
  put_ms (key_free, best (frees, reps));
  return TRUE;
}

static int
run_load (const char *path)
{
  put_mb ("base_rss_mb", status_kb ("VmRSS:"));
  if (!measure_loads (path, "load"))
    return 1;
  printf ("file_mb %.1f\n", file_size (path) / 1048576.0);
  return 0;
}

typedef struct
{
  NhsDataset *ds;
  GError *error;
  double last_tick;
  double worst_gap;
  double last_progress;
  double worst_progress_gap;
  guint n_progress;
  gboolean done;
} AsyncRun;

static gboolean
tick_cb (gpointer user_data)
{
  AsyncRun *run = user_data;
  double now = now_ms ();

  run->worst_gap = MAX (run->worst_gap, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncRun *run = user_data;
  double now = now_ms ();

  run->worst_progress_gap = MAX (run->worst_progress_gap, now - run->last_progress);
  run->last_progress = now;
  run->n_progress++;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->ds = nhs_dataset_load_file_finish (result, &run->error);
  run->done = TRUE;
}

/* The window loads in a thread and shows progress: the main loop must keep
 * turning. A 1 ms timeout measures the longest it waited. */
static int
run_async (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncRun run = { 0 };
  guint tick;
  double t0;

  t0 = run.last_tick = run.last_progress = now_ms ();
  tick = g_timeout_add (1, tick_cb, &run);
  nhs_dataset_load_file_async (file, NULL, async_progress_cb, &run, async_done_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (run.ds == NULL)
    {
      g_printerr ("nhs-bench: %s\n", run.error->message);
      return 1;
    }
  put_ms ("async_ms", now_ms () - t0);
  put_ms ("async_worst_gap_ms", run.worst_gap);
  put_ms ("async_progress_gap_ms", run.worst_progress_gap);
  printf ("async_progress_updates %u\n", run.n_progress);
  g_object_unref (run.ds);
  return 0;
}

static int
run_dump (const char *path)
{
  g_autoptr(NhsDataset) ds = load_or_die (path);
  g_autofree char *dump = test_dump_dataset (ds);

  fputs (dump, stdout);
  return 0;
}

/* }}} */
/* Filtering {{{ */

/* One pass of nhs_event_filter_match over every event, as a full refilter */
static double
full_pass (NhsDataset *ds, NhsEventFilter *filter, guint *n_match)
{
  guint n = nhs_dataset_get_n_events (ds);
  double t0 = now_ms ();

  *n_match = 0;
  for (guint i = 0; i < n; i++)
    *n_match += nhs_event_filter_match (filter, nhs_dataset_get_event (ds, i));
  return now_ms () - t0;
}

/* Typing word letter by letter: each keystroke makes the filter stricter, so
 * (as GtkFilterListModel does on GTK_FILTER_CHANGE_MORE_STRICT) only the
 * events that matched before are tested again. Returns the slowest keystroke. */
static double
typing (NhsDataset *ds, NhsEventFilter *filter, const char *word, guint *n_match)
{
  guint n = nhs_dataset_get_n_events (ds);
  g_autofree guint *matching = g_new (guint, MAX (n, 1));
  guint n_matching = n;
  double worst = 0;

  for (guint i = 0; i < n; i++)
    matching[i] = i;
  for (gsize len = 1; word[len - 1]; len++)
    {
      g_autofree char *prefix = g_strndup (word, len);
      double t0 = now_ms (), t;
      guint kept = 0;

      nhs_event_filter_set_search (filter, prefix);
      for (guint j = 0; j < n_matching; j++)
        if (nhs_event_filter_match (filter, nhs_dataset_get_event (ds, matching[j])))
          matching[kept++] = matching[j];
      n_matching = kept;
      t = now_ms () - t0;
      worst = MAX (worst, t);
    }
  *n_match = n_matching;
  return worst;
}

static int
run_filter (const char *path)
{
  g_autoptr(NhsDataset) ds = load_or_die (path);
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  GListModel *groups = nhs_dataset_get_groups (ds);
  g_autoptr(NhsGroup) group = g_list_model_get_item (groups, 0);
  guint reps = FILTER_REPS;
  g_autofree double *times = g_new (double, reps);
  guint n_match;

  /* the first search also builds what searching needs, where that is lazy */
  nhs_event_filter_set_search (filter, "s");
  put_ms ("filter_first_ms", full_pass (ds, filter, &n_match));

  for (guint r = 0; r < reps; r++)
    times[r] = full_pass (ds, filter, &n_match);
  put_ms ("filter_letter_ms", best (times, reps));
  printf ("filter_letter_matches %u\n", n_match);

  nhs_event_filter_set_search (filter, "walkout");
  for (guint r = 0; r < reps; r++)
    times[r] = full_pass (ds, filter, &n_match);
  put_ms ("filter_word_ms", best (times, reps));
  printf ("filter_word_matches %u\n", n_match);

  nhs_event_filter_set_search (filter, NULL);
  for (guint r = 0; r < reps; r++)
    times[r] = typing (ds, filter, "walkout", &n_match);
  put_ms ("filter_typing_ms", best (times, reps));

  nhs_event_filter_set_search (filter, NULL);
  nhs_event_filter_set_group_enabled (filter, nhs_group_get_id (group), FALSE);
  for (guint r = 0; r < reps; r++)
    times[r] = full_pass (ds, filter, &n_match);
  put_ms ("filter_group_ms", best (times, reps));
  printf ("filter_group_matches %u\n", n_match);
  return 0;
}

/* }}} */
/* Chart {{{ */

/* A chart stage is quick next to a load: repeat it more */
#define CHART_REPS 7

static int
run_chart (const char *path)
{
  g_autoptr(NhsDataset) ds = load_or_die (path);
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(NhsChartModel) model = NULL;
  g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nhs-bench-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree double *times = g_new (double, CHART_REPS);
  NhsChartExportOptions options;
  NhsChartStyle style;
  NhsChartHit hit = { NHS_CHART_HIT_NONE, -1, 0, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, w;

  /* the model, as the window builds it on every change of the filter */
  for (guint r = 0; r < CHART_REPS; r++)
    {
      double t0 = now_ms ();
      g_clear_object (&model);
      model = nhs_chart_model_new (ds, filter);
      times[r] = now_ms () - t0;
    }
  put_ms ("chart_model_ms", best (times, CHART_REPS));

  /* one render onto a 1920×1080 surface, in the export's style */
  nhs_chart_export_options_init (&options);
  options.width = 1920;
  options.height = 1080;
  nhs_chart_export_options_to_style (&options, &style);
  nhs_chart_renderer_set_style (renderer, &style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cr = cairo_create (surface);
  for (guint r = 0; r < CHART_REPS; r++)
    {
      double t0;

      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);
      t0 = now_ms ();
      nhs_chart_renderer_render (renderer, model, cr, 1920, 1080, 0, 0);
      cairo_surface_flush (surface);
      times[r] = now_ms () - t0;
    }
  put_ms ("chart_render_ms", best (times, CHART_REPS));

  /* a hover: what the pointer is over, found and outlined over the last
   * render, as the chart view does (it keeps the render as a node) */
  nhs_chart_renderer_get_time_axis (renderer, &x, &w);
  for (guint r = 0; r < CHART_REPS; r++)
    {
      double t0 = now_ms ();

      for (guint k = 0; k < 100; k++)
        {
          if (nhs_chart_renderer_hit_test (renderer, x + w * k / 100.0, 1080 * 0.3, &hit) &&
              hit.kind != NHS_CHART_HIT_NONE)
            nhs_chart_renderer_draw_hit_highlight (renderer, cr, &hit);
        }
      cairo_surface_flush (surface);
      times[r] = (now_ms () - t0) / 100;
    }
  put_ms ("chart_hover_ms", best (times, CHART_REPS));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* the whole export: model, render, PNG encoding and the atomic write */
  for (guint r = 0; r < CHART_REPS; r++)
    {
      double t0 = now_ms ();

      if (!nhs_chart_export_file (ds, filter, &options, png, &error))
        {
          g_printerr ("nhs-bench: %s\n", error->message);
          printf ("chart_export_ms n/a\n");
          break;
        }
      times[r] = now_ms () - t0;
      if (r == CHART_REPS - 1)
        put_ms ("chart_export_ms", best (times, CHART_REPS));
    }
  g_unlink (png);
  g_rmdir (dir);
  return 0;
}

/* Editing {{{ */

/* A document made over the file; each edit (a title, a start, a new event,
 * a delete) timed in the core alone, best of a few; then saving: the text
 * in the canonical layout, written (after edits each checked as they were
 * made, the text is not loaded again); and apart, what a save that must
 * check the whole text adds (the loader over it) and the atomic write */
static int
run_edit (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDocument) doc = NULL;
  g_autofree char *out_dir = NULL, *out_path = NULL;
  g_autoptr(GFile) out = NULL;
  double t0, title[5], start[5], added[5], deleted[5], save[3], text[3], check[2], write[2];
  NhsDataset *ds;
  NhsEvent *event;

  t0 = now_ms ();
  doc = nhs_document_load_file (file, NULL, &error);
  if (doc == NULL)
    {
      g_printerr ("nhs-bench: %s\n", error->message);
      return 1;
    }
  put_ms ("document_open_ms", now_ms () - t0);
  ds = nhs_document_get_dataset (doc);
  event = nhs_dataset_get_event (ds, nhs_dataset_get_n_events (ds) / 2);

  for (guint i = 0; i < G_N_ELEMENTS (title); i++)
    {
      g_autofree char *new_title = g_strdup_printf ("Edited title %u", i);
      g_autoptr(GDateTime) moved = g_date_time_add_days (nhs_event_get_start (event), i % 2 ? 1 : -1);
      g_autofree char *new_start = g_date_time_format (moved, nhs_event_get_start_is_date (event)
                                                               ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M");
      NhsEvent *new_event;

      t0 = now_ms ();
      if (!nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_TITLE, new_title, &error))
        goto failed;
      title[i] = now_ms () - t0;
      t0 = now_ms ();
      /* an end before the new start is refused: not an edit to time */
      if (!nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_START, new_start, &error))
        g_clear_error (&error);
      start[i] = now_ms () - t0;
      t0 = now_ms ();
      if ((new_event = nhs_document_add_event (doc, "2024-06-01", &error)) == NULL)
        goto failed;
      added[i] = now_ms () - t0;
      t0 = now_ms ();
      if (!nhs_document_delete_event (doc, new_event, &error))
        goto failed;
      deleted[i] = now_ms () - t0;
    }
  put_ms ("edit_title_ms", best (title, G_N_ELEMENTS (title)));
  put_ms ("edit_start_ms", best (start, G_N_ELEMENTS (start)));
  put_ms ("edit_new_ms", best (added, G_N_ELEMENTS (added)));
  put_ms ("edit_delete_ms", best (deleted, G_N_ELEMENTS (deleted)));

  out_dir = g_dir_make_tmp ("nhs-bench-XXXXXX", &error);
  if (out_dir == NULL)
    goto failed;
  out_path = g_build_filename (out_dir, "saved.json", NULL);
  out = g_file_new_for_path (out_path);
  for (guint i = 0; i < G_N_ELEMENTS (save); i++)
    {
      g_autoptr(GBytes) bytes = NULL;

      t0 = now_ms ();
      bytes = nhs_document_to_bytes (doc);
      text[i] = now_ms () - t0;
      t0 = now_ms ();
      if (!nhs_document_save_as (doc, out, &error))
        goto failed;
      save[i] = now_ms () - t0;
    }
  put_ms ("save_text_ms", best (text, G_N_ELEMENTS (text)));
  put_ms ("save_ms", best (save, G_N_ELEMENTS (save)));
  {
    g_autoptr(GBytes) bytes = nhs_document_to_bytes (doc);

    for (guint i = 0; i < G_N_ELEMENTS (check); i++)
      {
        g_autoptr(NhsDataset) checked = NULL;

        t0 = now_ms ();
        checked = nhs_dataset_load_bytes (bytes, "saved.json", NULL, NULL, NULL, &error);
        check[i] = now_ms () - t0;
        if (checked == NULL)
          goto failed;
        g_clear_object (&checked);
        t0 = now_ms ();
        if (!nhs_write_file_atomic (out_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
          goto failed;
        write[i] = now_ms () - t0;
      }
    put_ms ("save_check_ms", best (check, G_N_ELEMENTS (check)));
    put_ms ("save_write_ms", best (write, G_N_ELEMENTS (write)));
  }
  g_remove (out_path);
  g_rmdir (out_dir);
  return 0;

failed:
  g_printerr ("nhs-bench: %s\n", error->message);
  if (out_path != NULL)
    g_remove (out_path);
  if (out_dir != NULL)
    g_rmdir (out_dir);
  return 1;
}

/* }}} */

int
main (int argc, char **argv)
{
  const char *mode = argc > 1 ? argv[1] : NULL;
  const char *path = argc > 2 ? argv[2] : NULL;

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (path == NULL)
    {
      g_printerr ("usage: nhs-bench floor|load|async|filter|chart|dump|edit FILE\n");
      return 2;
    }
  if (strcmp (mode, "floor") == 0)
    return run_floor (path);
  if (strcmp (mode, "load") == 0)
    return run_load (path);
  if (strcmp (mode, "filter") == 0)
    return run_filter (path);
  if (strcmp (mode, "chart") == 0)
    return run_chart (path);
  if (strcmp (mode, "async") == 0)
    return run_async (path);
  if (strcmp (mode, "dump") == 0)
    return run_dump (path);
  if (strcmp (mode, "edit") == 0)
    return run_edit (path);
  g_printerr ("nhs-bench: unknown mode “%s”\n", mode);
  return 2;
}
