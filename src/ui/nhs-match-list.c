/* nhs-match-list.c: the events of a list that an NhsEventFilter matches,
 * tested in a thread when there are many
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkFilterListModel tests the events on the main thread, so a keystroke's
 * frame waited for every event of a large dataset to be tested
 * (docs/benchmarks.md, "Round seven"). This list keeps the sorted positions
 * in its source of the events that match ("positions"), or says that every
 * event does ("all", with nothing to filter by: the source's items and
 * changes are passed on as they are). A change of the filter is tested in
 * a thread with a copy of the filter, and the positions are swapped on the
 * main thread with one items-changed; until then the list shows the old
 * matches and says it is pending.
 *
 * While the source is the dataset's events in their own order (the list
 * sorted by date, until a column is chosen), the events are read from the
 * dataset, which a thread does holding its read lock: no copy of the
 * source is needed, and nothing is asked of each event but the test. Once
 * the source is sorted otherwise, the list keeps a copy of its items
 * ("order", referenced), which a thread reads instead. The arrays a thread
 * reads are never changed in place: "positions" is replaced whole, and
 * "order" is copied first while a thread has it.
 */
#define G_LOG_DOMAIN "nhs-match-list"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "nhs-match-list.h"

/* Below this many events, a filter is tested at once, as small datasets
 * always were: quick enough, and the tests stay deterministic */
#define DEFAULT_THREADED_EVENTS 50000
/* Events added to the source (a new dataset) beyond this many, with a
 * filter, are tested in the thread; fewer (an edit), at once */
#define SYNC_SOURCE_CHANGE 4096
/* How often a thread looks whether its work is still wanted */
#define CANCEL_CHECK_EVERY 4096

struct _NhsMatchList
{
  GObject parent_instance;

  GListModel *model;
  NhsDataset *dataset;
  NhsEventFilter *filter;
  GSignalGroup *filter_signals;

  GPtrArray *order;        /* NULL while the source is the dataset's own
                            * order; else the source's items, referenced */
  guint order_users;       /* threads reading order: copy it before a change */
  gboolean all;            /* every item of the source is a row */
  GArray *positions;       /* otherwise: guint, ascending, in the source */

  GTask *task;             /* the test running, or NULL */
  GCancellable *cancellable;
  /* how the filter changed since the positions were last right */
  NhsFilterChange change;
  guint threaded_events;
};

static void nhs_match_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NhsMatchList, nhs_match_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nhs_match_list_model_init))

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The source's events {{{ */

/* Whether the source is the dataset's events, in the dataset's order */
static gboolean
source_is_dataset (NhsMatchList *self)
{
  GListModel *events;

  if (self->dataset == NULL)
    return FALSE;
  events = nhs_dataset_get_events (self->dataset);
  if (self->model == events)
    return TRUE;
  return GTK_IS_SORT_LIST_MODEL (self->model) &&
         gtk_sort_list_model_get_sorter (GTK_SORT_LIST_MODEL (self->model)) == NULL &&
         gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (self->model)) == events;
}

/* The events of the source, for a thread or the main thread: the dataset's
 * own (read under its lock in a thread) or a copy of the source's */
typedef struct
{
  NhsDataset *dataset;
  GPtrArray *order;
} Events;

static guint
events_get_n (const Events *events)
{
  return events->order ? events->order->len : nhs_dataset_get_n_events (events->dataset);
}

static gpointer
events_get (const Events *events,
            guint         p)
{
  return events->order ? g_ptr_array_index (events->order, p) : nhs_dataset_get_event (events->dataset, p);
}

static Events
source_events (NhsMatchList *self)
{
  return (Events) { self->dataset, self->order };
}

/* }}} */
/* The tests, the same on either thread {{{ */

static gboolean
filter_is_empty (NhsEventFilter *filter)
{
  return filter == NULL || nhs_event_filter_is_empty (filter);
}

/* The positions of the events the filter (not empty) matches. known, when
 * not NULL, are the matches of the filter before a change of this kind: a
 * stricter filter tests only those, a looser one only the others. NULL
 * when cancelled. */
static GArray *
match_positions (const Events    *events,
                 NhsEventFilter  *filter,
                 GArray          *known,
                 NhsFilterChange  change,
                 GCancellable    *cancellable)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = events_get_n (events);
  guint j = 0;

  if (known != NULL && change == NHS_FILTER_CHANGE_MORE_STRICT)
    {
      for (guint k = 0; k < known->len; k++)
        {
          guint p = g_array_index (known, guint, k);

          if (k % CANCEL_CHECK_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
            return NULL;
          /* a stale start (the source changed meanwhile) is let go unread */
          if (p >= n)
            return NULL;
          if (nhs_event_filter_match (filter, events_get (events, p)))
            g_array_append_val (positions, p);
        }
      return g_steal_pointer (&positions);
    }

  for (guint p = 0; p < n; p++)
    {
      if (p % CANCEL_CHECK_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;
      /* a looser filter still matches what matched */
      if (known != NULL && change == NHS_FILTER_CHANGE_LESS_STRICT &&
          j < known->len && g_array_index (known, guint, j) == p)
        {
          j++;
          g_array_append_val (positions, p);
        }
      else if (nhs_event_filter_match (filter, events_get (events, p)))
        g_array_append_val (positions, p);
    }
  return g_steal_pointer (&positions);
}

/* }}} */
/* Showing a result {{{ */

static guint
n_source (NhsMatchList *self)
{
  return g_list_model_get_n_items (self->model);
}

/* The position in the source of row i */
static guint
row_position (gboolean  all,
              GArray   *positions,
              guint     i)
{
  return all ? i : g_array_index (positions, guint, i);
}

/* The new rows (all, or positions), said in one items-changed: the rows the
 * same at both ends stay out of it, which keeps GtkSingleSelection's search
 * for its item in what changed short */
static void
show (NhsMatchList *self,
      gboolean      all,
      GArray       *positions)
{
  g_autoptr(GArray) old_positions = g_steal_pointer (&self->positions);
  gboolean old_all = self->all;
  guint old_n = old_all ? n_source (self) : old_positions->len;
  guint new_n = all ? n_source (self) : positions->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n &&
         row_position (old_all, old_positions, prefix) == row_position (all, positions, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         row_position (old_all, old_positions, old_n - 1 - suffix) ==
         row_position (all, positions, new_n - 1 - suffix))
    suffix++;

  self->all = all;
  self->positions = all ? g_array_new (FALSE, FALSE, sizeof (guint)) : g_array_ref (positions);
  if (prefix + suffix < MAX (old_n, new_n))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);
}

/* }}} */
/* Testing in a thread {{{ */

typedef struct
{
  NhsDataset *dataset;     /* its lock; its events when order is NULL */
  GPtrArray *order;
  NhsEventFilter *filter;  /* a copy: no link to the one the main thread edits */
  GArray *known;
  NhsFilterChange change;
} MatchJob;

static void
match_job_free (MatchJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->order, g_ptr_array_unref);
  g_clear_object (&job->filter);
  g_clear_pointer (&job->known, g_array_unref);
  g_free (job);
}

static void
match_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MatchJob *job = task_data;
  Events events = { job->dataset, job->order };
  GArray *positions = NULL;

  /* an edit on the main thread waits for this, and this for an edit: the
   * dataset's events stay as they are (and alive) meanwhile */
  if (job->dataset != NULL)
    nhs_dataset_read_lock (job->dataset);
  if (!g_cancellable_is_cancelled (cancellable))
    positions = match_positions (&events, job->filter, job->known, job->change, cancellable);
  if (job->dataset != NULL)
    nhs_dataset_read_unlock (job->dataset);
  if (positions == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, positions, (GDestroyNotify) g_array_unref);
}

static void
set_task (NhsMatchList *self,
          GTask        *task)
{
  gboolean was_pending = self->task != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  if (task != NULL)
    {
      self->task = g_object_ref (task);
      self->cancellable = g_object_ref (g_task_get_cancellable (task));
    }
  if (was_pending != (task != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
match_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  NhsMatchList *self = NHS_MATCH_LIST (source);
  MatchJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) positions = g_task_propagate_pointer (G_TASK (result), NULL);
  /* what the thread read is let go here, on the main thread: the thread
   * may hold the task last, and these may hold an event's last reference */
  g_autoptr(GPtrArray) order = g_steal_pointer (&job->order);
  g_autoptr(GArray) known = g_steal_pointer (&job->known);
  g_autoptr(NhsEventFilter) filter = g_steal_pointer (&job->filter);
  g_autoptr(NhsDataset) dataset = g_steal_pointer (&job->dataset);

  if (order != NULL && order == self->order)
    self->order_users--;
  /* cancelled, or a newer test took its place (any change of the source
   * or the filter starts a newer one) */
  if (positions == NULL || G_TASK (result) != self->task)
    return;

  self->change = NHS_FILTER_CHANGE_DIFFERENT;
  show (self, FALSE, positions);
  set_task (self, NULL);
}

/* Tests the events again in a thread, for a change of the filter of this
 * kind since the positions were last right */
static void
start_task (NhsMatchList    *self,
            NhsFilterChange  change)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  MatchJob *job = g_new0 (MatchJob, 1);

  job->dataset = self->dataset ? g_object_ref (self->dataset) : NULL;
  if (self->order != NULL)
    {
      job->order = g_ptr_array_ref (self->order);
      self->order_users++;
    }
  job->filter = nhs_event_filter_copy (self->filter);
  /* every event shown: all of them to test */
  if (change != NHS_FILTER_CHANGE_DIFFERENT && !self->all)
    job->known = g_array_ref (self->positions);
  job->change = self->all ? NHS_FILTER_CHANGE_DIFFERENT : change;

  task = g_task_new (self, cancellable, match_done_cb, NULL);
  g_task_set_source_tag (task, start_task);
  g_task_set_task_data (task, job, (GDestroyNotify) match_job_free);
  set_task (self, task);
  g_task_run_in_thread (task, match_thread);
}

/* }}} */
/* Following the filter and the source {{{ */

/* Two changes in a row: stricter only if both were */
static NhsFilterChange
combine_changes (NhsFilterChange a,
                 NhsFilterChange b)
{
  return a == b ? a : NHS_FILTER_CHANGE_DIFFERENT;
}

/* The filter's matches at once, on the main thread */
static GArray *
match_now (NhsMatchList    *self,
           NhsFilterChange  change)
{
  Events events = source_events (self);

  return match_positions (&events, self->filter, self->all ? NULL : self->positions,
                          self->all ? NHS_FILTER_CHANGE_DIFFERENT : change, NULL);
}

static void
refilter (NhsMatchList    *self,
          NhsFilterChange  change)
{
  g_autoptr(GArray) positions = NULL;

  /* the positions are right for the filter before this change only when
   * nothing is being tested */
  if (self->task != NULL)
    change = combine_changes (self->change, change);
  self->change = change;

  if (filter_is_empty (self->filter))
    {
      set_task (self, NULL);
      self->change = NHS_FILTER_CHANGE_DIFFERENT;
      show (self, TRUE, NULL);
      return;
    }
  if (n_source (self) >= self->threaded_events)
    {
      start_task (self, change);
      return;
    }
  positions = match_now (self, change);
  set_task (self, NULL);
  self->change = NHS_FILTER_CHANGE_DIFFERENT;
  show (self, FALSE, positions);
}

static void
filter_changed_cb (NhsMatchList    *self,
                   NhsFilterChange  change)
{
  refilter (self, change);
}

static gpointer
ref_copy (gconstpointer item,
          gpointer      user_data)
{
  return g_object_ref ((gpointer) item);
}

static guint
lower_bound (GArray *positions,
             guint   p)
{
  guint lo = 0, hi = positions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (positions, guint, mid) < p)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The copy of the source follows its change: copied first while a thread
 * reads it */
static void
splice_order (NhsMatchList *self,
              guint         position,
              guint         removed,
              guint         added)
{
  GPtrArray *order;
  guint tail;

  if (self->order_users > 0)
    {
      g_autoptr(GPtrArray) old = g_steal_pointer (&self->order);

      self->order = g_ptr_array_copy (old, ref_copy, NULL);
      self->order_users = 0;
    }
  order = self->order;
  if (removed > 0)
    g_ptr_array_remove_range (order, position, removed);
  if (added == 0)
    return;
  /* room made at once: one at a time would move the tail each time */
  tail = order->len - position;
  g_ptr_array_set_size (order, order->len + added);
  memmove (&order->pdata[position + added], &order->pdata[position], tail * sizeof (gpointer));
  for (guint i = 0; i < added; i++)
    order->pdata[position + i] = g_list_model_get_item (self->model, position + i);
}

/* The source's items are read from the dataset, or from a copy of them:
 * which one follows how the source is sorted. FALSE when unchanged. */
static gboolean
update_order_kind (NhsMatchList *self)
{
  gboolean from_dataset = source_is_dataset (self);

  if (from_dataset == (self->order == NULL))
    return FALSE;
  g_clear_pointer (&self->order, g_ptr_array_unref);
  self->order_users = 0;
  if (!from_dataset)
    {
      self->order = g_ptr_array_new_with_free_func (g_object_unref);
      splice_order (self, 0, 0, n_source (self));
    }
  return TRUE;
}

static void
source_changed_cb (NhsMatchList *self,
                   guint         position,
                   guint         removed,
                   guint         added)
{
  guint n = n_source (self);
  g_autoptr(GArray) positions = NULL;
  guint first, last, n_new = 0;
  gboolean test_now;

  /* the first sort by a column: every row again, at once (as a sort is),
   * so that GtkSingleSelection finds its event among them */
  if (update_order_kind (self))
    {
      guint old_n = self->all ? n - added + removed : self->positions->len;

      if (!self->all)
        {
          Events events = source_events (self);

          /* the positions known were of the order before: from scratch,
           * in the thread for a new dataset's many events */
          set_task (self, NULL);
          self->change = NHS_FILTER_CHANGE_DIFFERENT;
          g_clear_pointer (&self->positions, g_array_unref);
          if (removed == 0 && n >= self->threaded_events)
            {
              self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
              start_task (self, NHS_FILTER_CHANGE_DIFFERENT);
            }
          else
            self->positions = match_positions (&events, self->filter, NULL, NHS_FILTER_CHANGE_DIFFERENT, NULL);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n,
                                  self->all ? n : self->positions->len);
      return;
    }

  if (self->order != NULL)
    splice_order (self, position, removed, added);
  /* every event: as the source says */
  if (self->all)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* The rows of the events removed go, the rest move up or down, and the
   * events added are tested: at once when few, or when they take the place
   * of rows (a sort: GtkSingleSelection then finds its event among them),
   * else (a new dataset's, with a filter) in the thread */
  first = lower_bound (self->positions, position);
  last = lower_bound (self->positions, position + removed);
  test_now = n < self->threaded_events || added <= SYNC_SOURCE_CHANGE || last > first;
  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->positions->len - (last - first) + added);
  g_array_append_vals (positions, self->positions->data, first);
  if (test_now)
    {
      Events events = source_events (self);

      for (guint p = position; p < position + added; p++)
        if (nhs_event_filter_match (self->filter, events_get (&events, p)))
          {
            g_array_append_val (positions, p);
            n_new++;
          }
    }
  g_array_set_size (positions, positions->len + (self->positions->len - last));
  for (guint k = last, i = positions->len - (self->positions->len - last); k < self->positions->len; k++, i++)
    g_array_index (positions, guint, i) = g_array_index (self->positions, guint, k) - removed + added;
  g_clear_pointer (&self->positions, g_array_unref);
  self->positions = g_steal_pointer (&positions);

  /* a test under way started from the source before this change */
  if (!test_now || self->task != NULL)
    {
      self->change = NHS_FILTER_CHANGE_DIFFERENT;
      start_task (self, NHS_FILTER_CHANGE_DIFFERENT);
    }
  if (last - first > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, n_new);
}

/* }}} */
/* GListModel {{{ */

static GType
nhs_match_list_get_item_type (GListModel *list)
{
  return NHS_TYPE_EVENT;
}

static guint
nhs_match_list_get_n_items (GListModel *list)
{
  NhsMatchList *self = NHS_MATCH_LIST (list);

  return self->all ? n_source (self) : self->positions->len;
}

static gpointer
nhs_match_list_get_item (GListModel *list,
                         guint       position)
{
  NhsMatchList *self = NHS_MATCH_LIST (list);
  Events events = source_events (self);
  guint p;

  if (self->all)
    return g_list_model_get_item (self->model, position);
  if (position >= self->positions->len)
    return NULL;
  p = g_array_index (self->positions, guint, position);
  /* the source changed, and says so next */
  if (p >= events_get_n (&events))
    return NULL;
  return g_object_ref (events_get (&events, p));
}

static void
nhs_match_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = nhs_match_list_get_item_type;
  iface->get_n_items = nhs_match_list_get_n_items;
  iface->get_item = nhs_match_list_get_item;
}

/* }}} */
/* GObject {{{ */

static void
nhs_match_list_dispose (GObject *object)
{
  NhsMatchList *self = NHS_MATCH_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->filter_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (nhs_match_list_parent_class)->dispose (object);
}

static void
nhs_match_list_finalize (GObject *object)
{
  NhsMatchList *self = NHS_MATCH_LIST (object);

  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  G_OBJECT_CLASS (nhs_match_list_parent_class)->finalize (object);
}

static void
nhs_match_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NhsMatchList *self = NHS_MATCH_LIST (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_uint (value, nhs_match_list_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_match_list_class_init (NhsMatchListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nhs_match_list_dispose;
  object_class->finalize = nhs_match_list_finalize;
  object_class->get_property = nhs_match_list_get_property;

  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nhs_match_list_init (NhsMatchList *self)
{
  self->all = TRUE;
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->threaded_events = DEFAULT_THREADED_EVENTS;
  self->filter_signals = g_signal_group_new (NHS_TYPE_EVENT_FILTER);
  g_signal_group_connect_swapped (self->filter_signals, "changed", G_CALLBACK (filter_changed_cb), self);
}

/* }}} */
/* Public API {{{ */

NhsMatchList *
nhs_match_list_new (GListModel *model)
{
  NhsMatchList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (NHS_TYPE_MATCH_LIST, NULL);
  self->model = g_object_ref (model);
  update_order_kind (self);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (source_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
nhs_match_list_set_dataset (NhsMatchList *self,
                            NhsDataset   *dataset)
{
  g_return_if_fail (NHS_IS_MATCH_LIST (self));
  g_return_if_fail (dataset == NULL || NHS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  /* another dataset's events go at once, not when the new ones are tested
   * (every event of the source stays: the source says when they go) */
  if (!self->all)
    {
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));

      set_task (self, NULL);
      self->change = NHS_FILTER_CHANGE_DIFFERENT;
      show (self, FALSE, none);
    }
  /* the source may be this dataset's events already (a copy of them is
   * only ever made when the source changes: not of another dataset's) */
  if (self->order != NULL && source_is_dataset (self))
    {
      g_clear_pointer (&self->order, g_ptr_array_unref);
      self->order_users = 0;
    }
}

void
nhs_match_list_set_filter (NhsMatchList   *self,
                           NhsEventFilter *filter)
{
  g_return_if_fail (NHS_IS_MATCH_LIST (self));
  g_return_if_fail (filter == NULL || NHS_IS_EVENT_FILTER (filter));

  if (self->filter == filter)
    return;
  g_set_object (&self->filter, filter);
  g_signal_group_set_target (self->filter_signals, filter);
  refilter (self, NHS_FILTER_CHANGE_DIFFERENT);
}

NhsEventFilter *
nhs_match_list_get_filter (NhsMatchList *self)
{
  g_return_val_if_fail (NHS_IS_MATCH_LIST (self), NULL);
  return self->filter;
}

void
nhs_match_list_set_threaded_events (NhsMatchList *self,
                                    guint         n_events)
{
  g_return_if_fail (NHS_IS_MATCH_LIST (self));
  self->threaded_events = n_events;
}

guint
nhs_match_list_find (NhsMatchList *self,
                     NhsEvent     *event)
{
  Events events;
  guint n;

  g_return_val_if_fail (NHS_IS_MATCH_LIST (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (NHS_IS_EVENT (event), GTK_INVALID_LIST_POSITION);

  events = source_events (self);
  n = nhs_match_list_get_n_items (G_LIST_MODEL (self));
  /* read from the dataset: an event's index is its place in the source */
  if (self->order == NULL && self->dataset != NULL)
    {
      guint p = nhs_event_get_index (event);
      guint row = self->all ? p : lower_bound (self->positions, p);

      if (row < n && row_position (self->all, self->positions, row) == p &&
          p < events_get_n (&events) && events_get (&events, p) == event)
        return row;
      return GTK_INVALID_LIST_POSITION;
    }
  for (guint row = 0; row < n; row++)
    {
      guint p = row_position (self->all, self->positions, row);

      if (p < events_get_n (&events) && events_get (&events, p) == event)
        return row;
    }
  return GTK_INVALID_LIST_POSITION;
}

guint
nhs_match_list_get_pending (NhsMatchList *self)
{
  g_return_val_if_fail (NHS_IS_MATCH_LIST (self), 0);
  return self->task != NULL ? MAX (n_source (self), 1) : 0;
}

/* }}} */
