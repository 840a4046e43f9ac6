/* nhs-match-list.c: the events of a list that an NhsEventFilter matches,
 * tested in a thread when there are many
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkFilterListModel tests the events on the main thread, so a keystroke's
 * frame waited for every event of a large dataset to be tested
 * (docs/benchmarks.md, "Round seven"). This list keeps a copy of its
 * source's items ("order", which follows the source's changes) and the
 * sorted positions in it of the events that match. A change of the filter
 * is tested in a thread with a copy of the filter, and the positions are
 * swapped on the main thread with one items-changed; until then the list
 * shows the old matches and says it is pending.
 *
 * The arrays a thread reads are never changed in place: "positions" is
 * replaced whole, and "order" is copied first while a thread has it.
 * "shown" is the order the positions are in: the same array as "order",
 * except while a thread tests a large change of the source, when the rows
 * keep showing what they showed.
 */
#define G_LOG_DOMAIN "nhs-match-list"

#include "config.h"

#include <string.h>

#include "nhs-match-list.h"

/* Below this many events, a filter is tested at once, as small datasets
 * always were: quick enough, and the tests stay deterministic */
#define DEFAULT_THREADED_EVENTS 50000
/* A change of the source (an edit) of up to this many events is tested at
 * once: an edited event shows at once where it belongs */
#define SYNC_SOURCE_CHANGE 4096
/* How often a thread looks whether its work is still wanted */
#define CANCEL_CHECK_EVERY 4096

struct _NhsMatchList
{
  GObject parent_instance;

  GListModel *model;
  NhsDataset *dataset;
  NhsEventFilter *filter;

  GPtrArray *order;        /* the source's items, referenced */
  guint order_users;       /* threads reading order: copy it before a change */
  GPtrArray *shown;        /* the order positions refers to (usually order) */
  GArray *positions;       /* guint, ascending: the matches in shown */

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

/* The tests, the same on either thread {{{ */

static gboolean
event_matches (NhsEventFilter *filter,
               gpointer        event)
{
  return filter == NULL || nhs_event_filter_match (filter, event);
}

static gboolean
filter_is_empty (NhsEventFilter *filter)
{
  return filter == NULL || nhs_event_filter_is_empty (filter);
}

static GArray *
all_positions (guint n)
{
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  g_array_set_size (positions, n);
  for (guint i = 0; i < n; i++)
    g_array_index (positions, guint, i) = i;
  return positions;
}

/* The positions in order of the events the filter matches. known, when not
 * NULL, are the matches of the filter before a change of this kind: a
 * stricter filter tests only those, a looser one only the others. NULL
 * when cancelled. */
static GArray *
match_positions (GPtrArray       *order,
                 NhsEventFilter  *filter,
                 GArray          *known,
                 NhsFilterChange  change,
                 GCancellable    *cancellable)
{
  g_autoptr(GArray) positions = NULL;
  guint n = order->len;
  guint j = 0;

  if (filter_is_empty (filter))
    return all_positions (n);

  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  if (known != NULL && change == NHS_FILTER_CHANGE_MORE_STRICT)
    {
      for (guint k = 0; k < known->len; k++)
        {
          guint p = g_array_index (known, guint, k);

          if (k % CANCEL_CHECK_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
            return NULL;
          if (event_matches (filter, g_ptr_array_index (order, p)))
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
      else if (event_matches (filter, g_ptr_array_index (order, p)))
        g_array_append_val (positions, p);
    }
  return g_steal_pointer (&positions);
}

/* }}} */
/* Showing a result {{{ */

static gpointer
shown_item (GPtrArray *shown,
            GArray    *positions,
            guint      i)
{
  return g_ptr_array_index (shown, g_array_index (positions, guint, i));
}

/* The new rows, said in one items-changed: the rows the same at both ends
 * stay out of it, which keeps GtkSingleSelection's search for its item in
 * what changed short */
static void
show (NhsMatchList *self,
      GPtrArray    *shown,
      GArray       *positions)
{
  g_autoptr(GPtrArray) old_shown = g_steal_pointer (&self->shown);
  g_autoptr(GArray) old_positions = g_steal_pointer (&self->positions);
  guint old_n = old_positions->len, new_n = positions->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n &&
         shown_item (old_shown, old_positions, prefix) == shown_item (shown, positions, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         shown_item (old_shown, old_positions, old_n - 1 - suffix) ==
         shown_item (shown, positions, new_n - 1 - suffix))
    suffix++;

  self->shown = g_ptr_array_ref (shown);
  self->positions = g_array_ref (positions);
  if (prefix + suffix < MAX (old_n, new_n))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);
}

/* }}} */
/* Testing in a thread {{{ */

typedef struct
{
  NhsDataset *dataset;
  NhsEventFilter *filter;  /* a copy: no link to the one the main thread edits */
  GPtrArray *order;
  GArray *known;
  NhsFilterChange change;
} MatchJob;

static void
match_job_free (MatchJob *job)
{
  g_clear_object (&job->dataset);
  g_clear_object (&job->filter);
  g_clear_pointer (&job->order, g_ptr_array_unref);
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
  GArray *positions;

  /* an edit on the main thread waits for this, and this for an edit */
  if (job->dataset != NULL)
    nhs_dataset_read_lock (job->dataset);
  positions = match_positions (job->order, job->filter, job->known, job->change, cancellable);
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

  if (order == self->order)
    self->order_users--;
  /* cancelled, or a newer test took its place */
  if (positions == NULL || G_TASK (result) != self->task)
    return;

  self->change = NHS_FILTER_CHANGE_DIFFERENT;
  show (self, order, positions);
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
  job->filter = self->filter ? nhs_event_filter_copy (self->filter) : NULL;
  job->order = g_ptr_array_ref (self->order);
  self->order_users++;
  /* the matches known are of the order shown */
  if (change != NHS_FILTER_CHANGE_DIFFERENT && self->shown == self->order)
    job->known = g_array_ref (self->positions);
  job->change = change;

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

  if (!filter_is_empty (self->filter) && self->order->len >= self->threaded_events)
    {
      start_task (self, change);
      return;
    }

  /* at once: nothing to test, or few events */
  positions = match_positions (self->order, self->filter,
                               self->shown == self->order ? self->positions : NULL,
                               change, NULL);
  self->change = NHS_FILTER_CHANGE_DIFFERENT;
  show (self, self->order, positions);
  set_task (self, NULL);
}

static void
filter_changed_cb (NhsMatchList    *self,
                   NhsFilterChange  change)
{
  refilter (self, change);
}

/* The order, for a change: a copy when a thread reads it, or when the rows
 * shown must keep it */
static gpointer
ref_copy (gconstpointer item,
          gpointer      user_data)
{
  return g_object_ref ((gpointer) item);
}

static void
make_order_writable (NhsMatchList *self,
                     gboolean      keep_shown)
{
  g_autoptr(GPtrArray) old = NULL;

  /* no rows shown: nothing to keep */
  keep_shown = keep_shown && self->shown == self->order && self->positions->len > 0;
  if (self->order_users == 0 && !keep_shown)
    return;
  old = g_steal_pointer (&self->order);
  self->order = g_ptr_array_copy (old, ref_copy, NULL);
  self->order_users = 0;
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

static void
splice_order (NhsMatchList *self,
              guint         position,
              guint         removed,
              guint         added)
{
  GPtrArray *order = self->order;
  guint tail;

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

static void
source_changed_cb (NhsMatchList *self,
                   guint         position,
                   guint         removed,
                   guint         added)
{
  guint n = self->order->len - removed + added;
  g_autoptr(GArray) positions = NULL;
  gboolean all = filter_is_empty (self->filter);
  guint first, last, n_new = 0;

  if (removed == 0 && added == 0)
    return;

  /* many events, and a filter to test them with: in a thread, the rows
   * showing what they showed meanwhile */
  if (!all && n >= self->threaded_events &&
      (added > SYNC_SOURCE_CHANGE || self->shown != self->order))
    {
      make_order_writable (self, TRUE);
      splice_order (self, position, removed, added);
      self->change = NHS_FILTER_CHANGE_DIFFERENT;
      start_task (self, NHS_FILTER_CHANGE_DIFFERENT);
      return;
    }

  /* at once: the rows of the events removed go, the events added are tested */
  if (self->shown != self->order)
    {
      /* what is shown is of an older order: everything again */
      make_order_writable (self, TRUE);
      splice_order (self, position, removed, added);
      positions = match_positions (self->order, self->filter, NULL, NHS_FILTER_CHANGE_DIFFERENT, NULL);
      show (self, self->order, positions);
      set_task (self, NULL);
      return;
    }

  make_order_writable (self, FALSE);
  splice_order (self, position, removed, added);
  first = lower_bound (self->positions, position);
  last = lower_bound (self->positions, position + removed);
  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->positions->len - (last - first) + added);
  g_array_append_vals (positions, self->positions->data, first);
  for (guint p = position; p < position + added; p++)
    if (all || event_matches (self->filter, g_ptr_array_index (self->order, p)))
      {
        g_array_append_val (positions, p);
        n_new++;
      }
  for (guint k = last; k < self->positions->len; k++)
    {
      guint p = g_array_index (self->positions, guint, k) - removed + added;

      g_array_append_val (positions, p);
    }
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_ref (self->order);
  g_clear_pointer (&self->positions, g_array_unref);
  self->positions = g_steal_pointer (&positions);

  /* a test under way started from the order before this change */
  if (self->task != NULL)
    start_task (self, NHS_FILTER_CHANGE_DIFFERENT);
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
  return NHS_MATCH_LIST (list)->positions->len;
}

static gpointer
nhs_match_list_get_item (GListModel *list,
                         guint       position)
{
  NhsMatchList *self = NHS_MATCH_LIST (list);

  if (position >= self->positions->len)
    return NULL;
  return g_object_ref (shown_item (self->shown, self->positions, position));
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
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
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
  g_clear_pointer (&self->shown, g_ptr_array_unref);
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
  self->order = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_ref (self->order);
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->threaded_events = DEFAULT_THREADED_EVENTS;
}

/* }}} */
/* Public API {{{ */

NhsMatchList *
nhs_match_list_new (GListModel *model)
{
  NhsMatchList *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (NHS_TYPE_MATCH_LIST, NULL);
  self->model = g_object_ref (model);
  n = g_list_model_get_n_items (model);
  splice_order (self, 0, 0, n);
  g_clear_pointer (&self->positions, g_array_unref);
  self->positions = all_positions (n);
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
  /* another dataset's events go at once, not when the new ones are tested */
  if (self->positions->len > 0)
    {
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) order = g_ptr_array_ref (self->order);

      show (self, order, none);
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
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
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
nhs_match_list_get_pending (NhsMatchList *self)
{
  g_return_val_if_fail (NHS_IS_MATCH_LIST (self), 0);
  return self->task != NULL ? MAX (self->order->len, 1) : 0;
}

/* }}} */
