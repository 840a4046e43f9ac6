/* nhs-window-handover.c: a dataset loaded, handed to the window's views a
 * frame at a time
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a load ends, the chart, the event list and the reader take the new
 * dataset. Done at once, that was one frame of a third of a second at
 * 100,000 events (docs/benchmarks.md, Round seven): GTK 4.8 makes a list's
 * rows for up to 200 items the moment the list fills (seven cells to a row
 * in the event list, two labels in the reader's list of articles) and
 * measures and paints them all in the frame after. Here each frame does
 * one step: the chart; the list, a few rows at a time; the reader and its
 * articles, a few at a time; then the rest (the inspector's document, the
 * progress put away). The window counts as loading until the last step, so
 * whoever waits for a load to finish finds every view showing the dataset.
 *
 * Anything that needs the whole dataset shown before then (a new load, an
 * event activated, nhs_window_set_dataset ()) finishes the steps at once;
 * so does a window that is not drawn, whose frames do not come.
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include "nhs-article-reader-private.h"
#include "nhs-chart-view-private.h"
#include "nhs-event-list-private.h"
#include "nhs-window-private.h"

/* Rows made in a frame. GTK keeps up to 200 in a list (the rows shown and
 * more); every row added makes GTK measure and place every row of the list
 * again (a column view's column measures all its cells anew), so a frame's
 * cost grows with the rows there already: the event list's rows (seven
 * cells) come 40 at a time, the reader's articles (two labels) 50. */
#define EVENT_ROWS_A_FRAME   40
#define ARTICLE_ROWS_A_FRAME 50
/* GTK 4.8's rows in a list at most (GTK_LIST_VIEW_MAX_LIST_ITEMS): past
 * them, more items make no more rows */
#define GTK_ROWS             200
/* Frames that stop coming for this long (a window hidden or covered): the
 * steps left are done at once */
#define WATCHDOG_MS          1000

typedef enum {
  STEP_CHART,
  STEP_LIST,
  STEP_LIST_ROWS,
  STEP_READER,
  STEP_READER_ROWS,
  STEP_DONE,
} Step;

static void
stop_ticking (NhsWindow *self)
{
  if (self->handover_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->handover_tick_id);
      self->handover_tick_id = 0;
    }
  g_clear_handle_id (&self->handover_watchdog_id, g_source_remove);
}

/* A frame's worth of rows more than shown now, or no limit (G_MAXUINT)
 * once GTK would make no more rows for it */
static guint
next_limit (guint shown,
            guint a_frame)
{
  return shown + a_frame >= GTK_ROWS ? G_MAXUINT : shown + a_frame;
}

/* The rows' limit raised a frame's worth; G_MAXUINT once it goes. *made
 * says whether rows were made (the limit was reached); if not, every item
 * is there already. */
static guint
raise_limit (NhsWindow *self,
             guint      shown,
             guint      a_frame,
             gboolean   at_once,
             gboolean  *made)
{
  *made = !at_once && shown >= self->handover_limit;
  self->handover_limit = *made ? next_limit (shown, a_frame) : G_MAXUINT;
  return self->handover_limit;
}

/* One step; FALSE after the last. The next step is set before the views
 * are called: a handler of theirs may finish the steps at once. */
static gboolean
step (NhsWindow *self,
      gboolean   at_once)
{
  NhsDataset *dataset = self->handing_over;
  gboolean made;

  switch ((Step) self->handover_step)
    {
    case STEP_CHART:
      self->handover_step = STEP_LIST;
      /* the same dataset shown already: nothing to hand over */
      if (!_nhs_window_take_dataset (self, dataset))
        self->handover_step = STEP_DONE;
      return TRUE;

    case STEP_LIST:
      self->handover_limit = at_once ? G_MAXUINT
                                     : next_limit (_nhs_event_list_get_n_rows (self->event_list), EVENT_ROWS_A_FRAME);
      self->handover_step = self->handover_limit == G_MAXUINT ? STEP_READER : STEP_LIST_ROWS;
      _nhs_event_list_limit_rows (self->event_list, self->handover_limit);
      nhs_event_list_set_dataset (self->event_list, dataset);
      return TRUE;

    case STEP_LIST_ROWS:
      _nhs_event_list_limit_rows (self->event_list,
                                  raise_limit (self, _nhs_event_list_get_n_rows (self->event_list),
                                               EVENT_ROWS_A_FRAME, at_once, &made));
      if (self->handover_limit != G_MAXUINT)
        return TRUE;
      self->handover_step = STEP_READER;
      if (made)
        return TRUE;
      /* nothing made in this frame: on to the reader */
      G_GNUC_FALLTHROUGH;

    case STEP_READER:
      self->handover_limit = at_once ? G_MAXUINT
                                     : next_limit (_nhs_article_reader_get_n_listed (self->reader), ARTICLE_ROWS_A_FRAME);
      self->handover_step = self->handover_limit == G_MAXUINT ? STEP_DONE : STEP_READER_ROWS;
      _nhs_article_reader_limit_articles (self->reader, self->handover_limit);
      nhs_article_reader_set_dataset (self->reader, dataset);
      return TRUE;

    case STEP_READER_ROWS:
      _nhs_article_reader_limit_articles (self->reader,
                                          raise_limit (self, _nhs_article_reader_get_n_listed (self->reader),
                                                       ARTICLE_ROWS_A_FRAME, at_once, &made));
      if (self->handover_limit != G_MAXUINT)
        return TRUE;
      self->handover_step = STEP_DONE;
      if (made)
        return TRUE;
      G_GNUC_FALLTHROUGH;

    case STEP_DONE:
    default:
      stop_ticking (self);
      g_clear_object (&self->handing_over);
      _nhs_window_stop_progress (self);
      _nhs_window_dataset_shown (self);
      return FALSE;
    }
}

/* In the frame clock's update, before the frame's layout and paint: one
 * step a frame, but none in a frame that draws a new chart (a large
 * dataset's chart comes from a thread when it is ready) */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  NhsWindow *self = NHS_WINDOW (widget);
  gconstpointer chart_model = nhs_chart_view_get_model (self->chart_view);

  if (chart_model != self->handover_chart_model && self->handover_step > STEP_CHART)
    {
      self->handover_chart_model = chart_model;
      return G_SOURCE_CONTINUE;
    }
  if (!step (self, FALSE))
    /* step () removed the callback already */
    return G_SOURCE_REMOVE;
  /* a chart built in the step is drawn in this frame */
  self->handover_chart_model = nhs_chart_view_get_model (self->chart_view);
  return G_SOURCE_CONTINUE;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  NhsWindow *self = user_data;

  if (self->handover_step != self->handover_watched_step)
    {
      self->handover_watched_step = self->handover_step;
      return G_SOURCE_CONTINUE;
    }
  self->handover_watchdog_id = 0;
  _nhs_window_finish_hand_over (self);
  return G_SOURCE_REMOVE;
}

/* Starts handing @dataset over, a step a frame; at once when the window
 * is not drawn */
void
_nhs_window_hand_over (NhsWindow  *self,
                       NhsDataset *dataset)
{
  _nhs_window_stop_hand_over (self);
  self->handing_over = g_object_ref (dataset);
  self->handover_step = STEP_CHART;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      _nhs_window_finish_hand_over (self);
      return;
    }
  self->handover_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
  self->handover_watched_step = self->handover_step;
  self->handover_watchdog_id = g_timeout_add (WATCHDOG_MS, watchdog_cb, self);
}

/* Whether a dataset is being handed over (@dataset, or any when NULL) */
gboolean
_nhs_window_handing_over (NhsWindow  *self,
                          NhsDataset *dataset)
{
  return self->handing_over != NULL && (dataset == NULL || dataset == self->handing_over);
}

/* The steps left, at once */
void
_nhs_window_finish_hand_over (NhsWindow *self)
{
  while (self->handing_over != NULL && step (self, TRUE))
    ;
}

/* The steps left, forgotten (the window goes, or shows another dataset);
 * what was handed over stays */
void
_nhs_window_stop_hand_over (NhsWindow *self)
{
  if (self->handing_over == NULL)
    return;
  stop_ticking (self);
  g_clear_object (&self->handing_over);
  _nhs_event_list_limit_rows (self->event_list, G_MAXUINT);
  _nhs_article_reader_limit_articles (self->reader, G_MAXUINT);
  _nhs_window_stop_progress (self);
}
