/* nhs-bench-window.c: the window's frames, measured (build-aux/bench runs it
 * under Xvfb)
 *
 *   nhs-bench-window FILE
 *
 * Opens an NhsWindow of 1920×1080, loads FILE in the background as the app
 * does (File ▸ Open), then types a word into the search entry one letter at
 * a time and pans the chart. Every time is taken from the window's frame
 * clock (the "after-paint" of each frame), and printed as "key value" lines:
 *
 *   window_first_frame_ms   process start to the first frame shown
 *   window_load_ms          opening the file to the first frame showing it,
 *                           its chart included
 *   window_load_gap_ms      the longest time between two frames while loading
 *   window_load_progress    1 when the progress bar was seen during the load
 *   window_search_ms        a keystroke to the next frame: the slowest
 *   window_search_median_ms … and the median
 *   window_rested_search_ms, _median_ms: the same, each keystroke made when the
 *                           window has drawn nothing for a while, as a person types
 *   window_search_settled_ms, _median_ms: a keystroke to the frame with
 *                           the list complete (later when the events are tested
 *                           in a thread, from 50,000)
 *   window_search_gap_ms    the longest time between frames meanwhile
 *   window_pan_ms           a pan step to the frame showing it: the slowest
 *   window_pan_median_ms    … and the median
 *   window_zoom_ms, _median_ms: a zoom step (in, then out) to its frame
 *   window_group_ms, _median_ms: a group hidden or shown again to the next
 *                           frame; _settled_ms, _settled_median_ms: to the frame
 *                           with the list complete and the chart rebuilt
 *   window_select_ms, _median_ms: an event selected in the list to the
 *                           next frame (the chart's outline, the reader)
 *   window_document_ms      making the document (the inspector shown), at the first edit
 *   window_document_gap_ms  the longest time between frames meanwhile
 *   window_edit_KIND_ms, _median_ms: an edit (KIND: title, start, new, delete) to
 *                           the next frame; _chart_ms, _chart_median_ms: to the frame
 *                           with the chart's model rebuilt; _call_ms, _call_median_ms:
 *                           to its return, the document's signals handled
 *   window_rested_edit_KIND_ms, _median_ms: the same edits made when the
 *                           window has drawn nothing for a while, as a
 *                           person's edit comes: no frame just drawn to wait out
 *
 * The search entry's own delay (it waits for typing to pause before it
 * searches) is set to 0: what is measured is the work, not the wait.
 *
 * NHS_BENCH_PHASES set prints the frame clock's phases to standard error
 * (ms since the thing measured): of the frames from a load's end to the
 * window loaded (the hand-over), after each keystroke and after the edits
 * made to a rested window.
 *
 * NHS_BENCH_GAPS set prints, to standard error, every time over 30 ms
 * between two frames while loading (when it ended, in ms since the file was
 * opened, and whether the load was still running), and the phases of the
 * frames from the file's opening on, to find the frame behind
 * window_load_gap_ms.
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-bench-window"

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nhs-chart-view.h"
#include "nhs-event-list-private.h"
#include "nhs-chart-view-private.h"
#include "nhs-window-private.h"

#define TIMEOUT_MS 600000
#define PAN_STEPS 30
#define ZOOM_STEPS 10
#define GROUP_ROUNDS 3
#define SELECTIONS 10
#define EDIT_ROUNDS 7
/* how long the window rests before an edit: longer than a frame (a frame
 * clock ticking at 60 a second waits 16.7 ms after a frame before the next) */
#define REST_MS 50

/* Times an edit to its return (the document's signals handled: into
 * call_times[i]), to the next frame (into frame[i]) and to the frame with
 * the chart's model rebuilt (into chart[i]) */
#define EDIT(call_times, frame, chart_times, call) \
  G_STMT_START { \
    /* held, so that a new model cannot take its address */ \
    g_autoptr(NhsChartModel) model_before = g_object_ref (nhs_chart_view_get_model (NHS_CHART_VIEW (chart))); \
    gboolean done; \
    if (rested) \
      rest (); \
    t0 = now_ms (); \
    if (rested && g_getenv ("NHS_BENCH_PHASES") != NULL) \
      { \
        phase_t0 = g_get_monotonic_time (); \
        g_printerr ("%s\n", #call); \
      } \
    done = (call) != 0; \
    call_times[i] = now_ms () - t0; \
    if (phase_t0 != 0) \
      g_printerr ("  returned %.2f\n", call_times[i]); \
    frame[i] = run_until_painted (NULL, NULL, GTK_WIDGET (window), NULL) - t0; \
    phase_t0 = 0; \
    chart_times[i] = done ? run_until_painted (chart_rebuilt_cond, model_before, chart, NULL) - t0 : frame[i]; \
  } G_STMT_END

static GtkWidget *chart;

static gboolean
chart_rebuilt_cond (gpointer model_before)
{
  NhsChartModel *model = nhs_chart_view_get_model (NHS_CHART_VIEW (chart));

  return model != NULL && model != model_before;
}

static gint64 last_paint_us;
static guint n_paints;

static gboolean
keep_ticking (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* NHS_BENCH_PHASES set: each phase of the frames after a rested edit, to
 * standard error, in ms since the edit */
static gint64 phase_t0;

static void
phase_cb (GdkFrameClock *clock,
          gpointer       user_data)
{
  if (phase_t0 != 0)
    g_printerr ("  %s %.2f\n", (const char *) user_data, (g_get_monotonic_time () - phase_t0) / 1000.0);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  last_paint_us = g_get_monotonic_time ();
  n_paints++;
}

/* Lets the window rest, as it does between two things a person does: runs
 * the main loop until no frame has been painted for REST_MS */
static void
rest (void)
{
  while (now_ms () - last_paint_us / 1000.0 < REST_MS)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Runs the main loop until cond (user_data) holds and a frame has been
 * painted after that; returns when that frame was painted, in ms */
typedef gboolean (*Cond) (gpointer data);

static double
run_until_painted (Cond       cond,
                   gpointer   data,
                   GtkWidget *widget,
                   double    *worst_gap_ms)
{
  double deadline = now_ms () + TIMEOUT_MS;
  guint painted_before = 0;
  gboolean held = FALSE;
  gint64 prev_paint = last_paint_us;

  while (now_ms () < deadline)
    {
      /* the condition is checked before waiting: with nothing else to do,
       * the main loop would wait for ever */
      if (!held && (cond == NULL || cond (data)))
        {
          held = TRUE;
          painted_before = n_paints;
          /* ask for a frame, in case nothing else does */
          gtk_widget_queue_draw (widget);
        }
      else if (held && n_paints > painted_before)
        return last_paint_us / 1000.0;
      g_main_context_iteration (NULL, TRUE);
      if (worst_gap_ms != NULL && last_paint_us != prev_paint)
        {
          *worst_gap_ms = MAX (*worst_gap_ms, (last_paint_us - prev_paint) / 1000.0);
          prev_paint = last_paint_us;
        }
    }
  g_printerr ("nhs-bench-window: timed out\n");
  exit (1);
}

/* Runs the main loop until a frame is painted after the painted_before-th,
 * asking widget for frames; returns when it was painted, in ms. Counting
 * from before a change, a frame its own handlers painted counts too. */
static double
run_until_painted_after (guint      painted_before,
                         GtkWidget *widget)
{
  while (n_paints == painted_before)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  return last_paint_us / 1000.0;
}

static gboolean
loaded_cond (gpointer data)
{
  /* the chart included: a large dataset's comes from a thread, and may
   * come after the list and the reader */
  return !nhs_window_is_loading (data) && nhs_window_get_dataset (data) != NULL &&
         nhs_chart_view_get_model (nhs_window_get_chart_view (data)) != NULL;
}

static gboolean
document_cond (gpointer data)
{
  NhsWindow *window = data;

  return nhs_window_get_document (window) != NULL || window->preparing == NULL;
}

static gboolean
settled_cond (gpointer data)
{
  return !nhs_event_list_is_busy (data);
}

/* The list complete and the chart's model rebuilt since model_before */
typedef struct
{
  NhsEventList  *list;
  NhsChartModel *model_before;
} Settled;

static gboolean
list_and_chart_cond (gpointer data)
{
  Settled *settled = data;

  return settled_cond (settled->list) && chart_rebuilt_cond (settled->model_before);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
progress_shown (GtkWidget *window)
{
  GtkWidget *bar = find_widget (window, GTK_TYPE_PROGRESS_BAR);

  return bar != NULL && gtk_widget_is_drawable (bar);
}

static int
double_cmp (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
put_stats (const char *key,
           double     *v,
           guint       n)
{
  qsort (v, n, sizeof *v, double_cmp);
  printf ("%s_ms %.3f\n", key, v[n - 1]);
  printf ("%s_median_ms %.3f\n", key, v[n / 2]);
}

int
main (int   argc,
      char **argv)
{
  double start = now_ms ();
  g_autoptr(GFile) file = NULL;
  NhsWindow *window;
  NhsEventList *list;
  GtkEditable *entry;
  GdkFrameClock *clock;
  const char *word = "walkout";
  double times[PAN_STEPS], t0, gap = 0;
  gboolean saw_progress = FALSE;
  gint64 from, to;
  guint n;

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (argc != 2)
    {
      g_printerr ("usage: nhs-bench-window FILE\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("nhs-bench-window: no display\n");
      return 1;
    }
  file = g_file_new_for_commandline_arg (argv[1]);

  /* the empty window's first frame */
  window = nhs_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (clock, "before-paint", G_CALLBACK (phase_cb), (gpointer) "before-paint");
  g_signal_connect (clock, "update", G_CALLBACK (phase_cb), (gpointer) "update");
  g_signal_connect (clock, "layout", G_CALLBACK (phase_cb), (gpointer) "layout");
  g_signal_connect (clock, "paint", G_CALLBACK (phase_cb), (gpointer) "paint");
  g_signal_connect (clock, "after-paint", G_CALLBACK (phase_cb), (gpointer) "after-paint");
  printf ("window_first_frame_ms %.3f\n", run_until_painted (NULL, NULL, GTK_WIDGET (window), NULL) - start);

  /* the load, in the background: how long, and the frames meanwhile */
  t0 = now_ms ();
  if (g_getenv ("NHS_BENCH_GAPS") != NULL)
    phase_t0 = g_get_monotonic_time ();
  nhs_window_open_file (window, file);
  {
    double deadline = now_ms () + TIMEOUT_MS;
    gint64 prev_paint = last_paint_us;

    /* frames go on while loading only if something asks for them: the
     * progress bar does; a tick callback stands for an animation */
    guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_ticking, NULL, NULL);
    while (!loaded_cond (window) && now_ms () < deadline)
      {
        g_main_context_iteration (NULL, TRUE);
        if (window->load == NULL && phase_t0 == 0 && g_getenv ("NHS_BENCH_PHASES") != NULL)
          {
            /* the frames from the load's end on (the window handing the
             * dataset to its views), in ms since the last frame before it */
            phase_t0 = last_paint_us;
            g_printerr ("load finished\n  handed over from %.2f\n", (g_get_monotonic_time () - phase_t0) / 1000.0);
          }
        saw_progress |= progress_shown (GTK_WIDGET (window));
        if (last_paint_us != prev_paint)
          {
            double this_gap = (last_paint_us - MAX (prev_paint, (gint64) (t0 * 1000))) / 1000.0;

            gap = MAX (gap, this_gap);
            if (this_gap > 30 && g_getenv ("NHS_BENCH_GAPS") != NULL)
              g_printerr ("gap %.1f ms, ending %.1f ms after the opening, %s\n", this_gap,
                          last_paint_us / 1000.0 - t0,
                          window->load != NULL ? "loading" : nhs_window_is_loading (window) ? "handing over" : "the chart to come");
            prev_paint = last_paint_us;
          }
      }
    gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  }
  printf ("window_load_ms %.3f\n", run_until_painted (loaded_cond, window, GTK_WIDGET (window), &gap) - t0);
  phase_t0 = 0;
  printf ("window_load_gap_ms %.3f\n", gap);
  printf ("window_load_progress %d\n", saw_progress);
  if (nhs_window_get_dataset (window) == NULL)
    {
      g_printerr ("nhs-bench-window: the file did not load\n");
      return 1;
    }

  /* typing a word into the search, one letter at a time, then clearing
   * it; a million events take long to settle (tested in a thread): one
   * round of three letters there */
  list = nhs_window_get_event_list (window);
  entry = nhs_event_list_get_search_entry (list);
  if (GTK_IS_SEARCH_ENTRY (entry))
    gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  run_until_painted (settled_cond, list, GTK_WIDGET (window), NULL);
  {
    gboolean huge = nhs_dataset_get_n_events (nhs_window_get_dataset (window)) >= 1000000;
    const char *typed = huge ? "wal" : word;
    double settled[PAN_STEPS], rested[PAN_STEPS], worst_gap = 0;
    guint n_rested = 0;

    n = 0;
    /* the last round rests before each keystroke, as a person's keystrokes
     * come, with no frame just drawn to wait out */
    for (int round = 0; round < (huge ? 2 : 3); round++)
      for (gsize len = 1; len <= strlen (typed) + 1; len++)
        {
          /* the last keystroke clears the search, which shows every event */
          g_autofree char *prefix = len <= strlen (typed) ? g_strndup (typed, len) : g_strdup ("");
          gboolean is_rested = round == (huge ? 1 : 2);
          guint painted_before;
          double answered;

          if (is_rested)
            rest ();
          painted_before = n_paints;
          t0 = now_ms ();
          if (g_getenv ("NHS_BENCH_PHASES") != NULL)
            {
              phase_t0 = g_get_monotonic_time ();
              g_printerr ("keystroke \"%s\"\n", prefix);
            }
          /* as a key does: the letter inserted at the end, or the text
           * deleted (setting the whole text would first delete the old,
           * and the entry would search for nothing in between) */
          if (*prefix != '\0')
            {
              int at = (int) len - 1;

              gtk_editable_insert_text (entry, prefix + len - 1, 1, &at);
            }
          else
            gtk_editable_delete_text (entry, 0, -1);
          g_assert (g_strcmp0 (gtk_editable_get_text (entry), prefix) == 0);
          if (phase_t0 != 0)
            g_printerr ("  returned %.2f\n", now_ms () - t0);
          /* the first frame after the keystroke: the window answered */
          answered = run_until_painted_after (painted_before, GTK_WIDGET (entry)) - t0;
          phase_t0 = 0;
          if (is_rested)
            {
              rested[n_rested++] = answered;
              run_until_painted (settled_cond, list, GTK_WIDGET (list), &worst_gap);
              continue;
            }
          times[n] = answered;
          worst_gap = MAX (worst_gap, times[n]);
          /* and the list complete */
          settled[n] = run_until_painted (settled_cond, list, GTK_WIDGET (list), &worst_gap) - t0;
          n++;
        }
    put_stats ("window_search", times, n);
    put_stats ("window_rested_search", rested, n_rested);
    put_stats ("window_search_settled", settled, n);
    printf ("window_search_gap_ms %.3f\n", worst_gap);
  }

  /* panning the chart, zoomed to a year, a tenth of the view a step */
  chart = find_widget (GTK_WIDGET (window), NHS_TYPE_CHART_VIEW);
  nhs_chart_view_get_range (NHS_CHART_VIEW (chart), &from, &to);
  to = from + MIN (to - from, G_GINT64_CONSTANT (366) * 86400 * G_USEC_PER_SEC);
  nhs_chart_view_set_range (NHS_CHART_VIEW (chart), from, to);
  run_until_painted (NULL, NULL, GTK_WIDGET (window), NULL);
  for (n = 0; n < PAN_STEPS; n++)
    {
      gint64 step = (to - from) / 10;

      from += step;
      to += step;
      t0 = now_ms ();
      nhs_chart_view_set_range (NHS_CHART_VIEW (chart), from, to);
      times[n] = run_until_painted (NULL, NULL, chart, NULL) - t0;
    }
  put_stats ("window_pan", times, n);

  /* zooming in, then out again, a step at a time, as the zoom buttons and
   * the keyboard do */
  for (n = 0; n < ZOOM_STEPS; n++)
    {
      t0 = now_ms ();
      gtk_widget_activate_action (chart, n < ZOOM_STEPS / 2 ? "chart.zoom-in" : "chart.zoom-out", NULL);
      times[n] = run_until_painted (NULL, NULL, chart, NULL) - t0;
    }
  put_stats ("window_zoom", times, n);

  /* hiding the first group and showing it again, as its button or its
   * legend entry does: to the next frame, and to the frame with the list
   * complete and the chart rebuilt */
  {
    NhsEventFilter *filter = nhs_event_list_get_filter (list);
    g_autoptr(NhsGroup) group = g_list_model_get_item (nhs_dataset_get_groups (nhs_window_get_dataset (window)), 0);
    double settled[2 * GROUP_ROUNDS];

    for (n = 0; n < 2 * GROUP_ROUNDS; n++)
      {
        g_autoptr(NhsChartModel) model_before = g_object_ref (nhs_chart_view_get_model (NHS_CHART_VIEW (chart)));
        Settled wait = { list, model_before };
        guint painted_before = n_paints;

        t0 = now_ms ();
        nhs_event_filter_set_group_enabled (filter, nhs_group_get_id (group), n % 2 == 1);
        times[n] = run_until_painted_after (painted_before, GTK_WIDGET (window)) - t0;
        settled[n] = run_until_painted (list_and_chart_cond, &wait, GTK_WIDGET (window), NULL) - t0;
      }
    put_stats ("window_group", times, n);
    put_stats ("window_group_settled", settled, n);
  }

  /* selecting events across the dataset in the list: the chart outlines
   * each, the reader shows its evidence */
  {
    NhsDataset *ds = nhs_window_get_dataset (window);
    guint n_events = nhs_dataset_get_n_events (ds);

    for (n = 0; n < SELECTIONS; n++)
      {
        rest ();
        t0 = now_ms ();
        if (g_getenv ("NHS_BENCH_PHASES") != NULL)
          {
            phase_t0 = g_get_monotonic_time ();
            g_printerr ("select %u\n", n);
          }
        nhs_event_list_select_event (list, nhs_dataset_get_event (ds, (guint) ((n + 0.5) * n_events / SELECTIONS)));
        if (phase_t0 != 0)
          g_printerr ("  returned %.2f\n", now_ms () - t0);
        times[n] = run_until_painted (NULL, NULL, GTK_WIDGET (window), NULL) - t0;
        phase_t0 = 0;
      }
    put_stats ("window_select", times, n);
  }

  /* editing: an edit (a title, a start, a new event, a delete) from the
   * change to the frame that shows it (the list's row), and to the frame
   * with the chart rebuilt */
  {
    NhsDataset *ds = nhs_window_get_dataset (window);
    NhsEvent *event = nhs_dataset_get_event (ds, nhs_dataset_get_n_events (ds) / 2);
    NhsDocument *doc;
    double title[EDIT_ROUNDS], moved_start[EDIT_ROUNDS], added[EDIT_ROUNDS], deleted[EDIT_ROUNDS];
    double chart_title[EDIT_ROUNDS], chart_start[EDIT_ROUNDS], chart_added[EDIT_ROUNDS], chart_deleted[EDIT_ROUNDS];
    double call_title[EDIT_ROUNDS], call_start[EDIT_ROUNDS], call_added[EDIT_ROUNDS], call_deleted[EDIT_ROUNDS];

    double document_gap = 0;
    guint tick;

    /* a large dataset is made editable in a thread: the frames meanwhile,
     * asked for as an animation would */
    t0 = now_ms ();
    tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_ticking, NULL, NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL);
    run_until_painted (document_cond, window, GTK_WIDGET (window), &document_gap);
    gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
    doc = nhs_window_get_document (window);
    printf ("window_document_ms %.3f\n", now_ms () - t0);
    printf ("window_document_gap_ms %.3f\n", document_gap);
    if (doc == NULL)
      {
        g_printerr ("nhs-bench-window: the dataset cannot be edited\n");
        return 1;
      }
    nhs_event_list_select_event (list, event);
    run_until_painted (settled_cond, list, GTK_WIDGET (window), NULL);
    for (int rested = 0; rested < 2; rested++)
      {
        for (guint i = 0; i < EDIT_ROUNDS; i++)
          {
            g_autofree char *new_title = g_strdup_printf ("Edited title %d %u", rested, i);
            g_autoptr(GDateTime) moved = g_date_time_add_days (nhs_event_get_start (event), i % 2 ? 1 : -1);
            g_autofree char *new_start = g_date_time_format (moved, nhs_event_get_start_is_date (event)
                                                                     ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M");
            NhsEvent *new_event;

            EDIT (call_title, title, chart_title, nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_TITLE, new_title, NULL));
            EDIT (call_start, moved_start, chart_start, nhs_document_set_event_text (doc, event, NHS_EVENT_FIELD_START, new_start, NULL));
            EDIT (call_added, added, chart_added, new_event = nhs_document_add_event (doc, "2024-06-01", NULL));
            EDIT (call_deleted, deleted, chart_deleted, nhs_document_delete_event (doc, new_event, NULL));
          }
        if (rested)
          {
            put_stats ("window_rested_edit_title", title, EDIT_ROUNDS);
            put_stats ("window_rested_edit_start", moved_start, EDIT_ROUNDS);
            put_stats ("window_rested_edit_new", added, EDIT_ROUNDS);
            put_stats ("window_rested_edit_delete", deleted, EDIT_ROUNDS);
            put_stats ("window_rested_edit_title_call", call_title, EDIT_ROUNDS);
            put_stats ("window_rested_edit_start_call", call_start, EDIT_ROUNDS);
            put_stats ("window_rested_edit_new_call", call_added, EDIT_ROUNDS);
            put_stats ("window_rested_edit_delete_call", call_deleted, EDIT_ROUNDS);
            continue;
          }
        put_stats ("window_edit_title", title, EDIT_ROUNDS);
        put_stats ("window_edit_start", moved_start, EDIT_ROUNDS);
        put_stats ("window_edit_new", added, EDIT_ROUNDS);
        put_stats ("window_edit_delete", deleted, EDIT_ROUNDS);
        put_stats ("window_edit_title_chart", chart_title, EDIT_ROUNDS);
        put_stats ("window_edit_start_chart", chart_start, EDIT_ROUNDS);
        put_stats ("window_edit_new_chart", chart_added, EDIT_ROUNDS);
        put_stats ("window_edit_delete_chart", chart_deleted, EDIT_ROUNDS);
        put_stats ("window_edit_title_call", call_title, EDIT_ROUNDS);
        put_stats ("window_edit_start_call", call_start, EDIT_ROUNDS);
        put_stats ("window_edit_new_call", call_added, EDIT_ROUNDS);
        put_stats ("window_edit_delete_call", call_deleted, EDIT_ROUNDS);
      }
    /* nothing to ask when the window goes */
    while (nhs_document_can_undo (doc) && nhs_document_get_modified (doc))
      nhs_document_undo (doc);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
