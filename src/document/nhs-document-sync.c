/* nhs-document-sync.c: keeping a document's dataset in step with its tree
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit rebuilds one event from the tree (nhs-document.c); this puts it
 * in its place among the others, keeps the dataset's bounds and files its
 * quotes and citations under their articles, as the loader would have.
 */
#define G_LOG_DOMAIN "nhs-document"

#include "config.h"

#include <string.h>

#include "nhs-dataset-private.h"
#include "nhs-document-internal.h"
#include "nhs-document-private.h"
#include "nhs-model-private.h"

/* Keeping the dataset in step {{{ */

static int
event_cmp (NhsEvent *ea,
           NhsEvent *eb)
{
  /* the loader's order */
  if (ea->start_us != eb->start_us)
    return ea->start_us < eb->start_us ? -1 : 1;
  if (ea->end_us != eb->end_us)
    return ea->end_us < eb->end_us ? -1 : 1;
  return strcmp (ea->id, eb->id);
}

/* Where event goes among the others (it not among them) */
static guint
sorted_position (GPtrArray *events,
                 NhsEvent  *event)
{
  guint lo = 0, hi = events->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (event_cmp (g_ptr_array_index (events, mid), event) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
reindex (NhsDataset *ds,
         guint       from,
         guint       to)
{
  for (guint i = from; i < to && i < ds->event_array->len; i++)
    ((NhsEvent *) g_ptr_array_index (ds->event_array, i))->index = i;
}

/* The dataset's first start and last end, after an event that ended at
 * gone_end_us left (G_MININT64: none did) and added came (or NULL). The
 * events are in order of start; the last end is looked for among all of
 * them only when the event that held it left: a walk over every event
 * touches a million objects at a million events. */
static void
update_bounds (NhsDataset *ds,
               gint64      gone_end_us,
               NhsEvent   *added)
{
  GPtrArray *events = ds->event_array;

  if (events->len == 0)
    return;
  ds->min_us = ((NhsEvent *) g_ptr_array_index (events, 0))->start_us;
  if (added != NULL && added->end_us >= ds->max_us)
    ds->max_us = added->end_us;
  else if (gone_end_us >= ds->max_us)
    for (guint i = 0; i < events->len; i++)
      {
        NhsEvent *event = g_ptr_array_index (events, i);
        ds->max_us = i == 0 ? event->end_us : MAX (ds->max_us, event->end_us);
      }
}

static int
quote_cmp (gconstpointer a,
           gconstpointer b)
{
  NhsEvidence *ea = *(NhsEvidence **) a, *eb = *(NhsEvidence **) b;

  return (ea->quote_start > eb->quote_start) - (ea->quote_start < eb->quote_start);
}

static gint64
owner_rank (NhsDocument *self,
            GObject     *owner)
{
  if (NHS_IS_EVENT (owner))
    return NHS_EVENT (owner)->index;
  return (gint64) G_MAXUINT + GPOINTER_TO_UINT (g_hash_table_lookup (self->figure_ranks, owner));
}

static int
owner_cmp (gconstpointer a,
           gconstpointer b,
           gpointer      self)
{
  gint64 ra = owner_rank (self, *(GObject **) a);
  gint64 rb = owner_rank (self, *(GObject **) b);

  return (ra > rb) - (ra < rb);
}

/* The article's citations are the owners of its quotes, in dataset order */
static void
rebuild_citations (NhsDocument *self,
                   guint        article)
{
  NhsDataset *ds = self->dataset;
  GPtrArray *quotes = ds->quotes[article];
  GPtrArray *citations = ds->citations[article];
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_ptr_array_set_size (citations, 0);
  for (guint i = 0; i < quotes->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (quotes, i);
      if (g_hash_table_add (seen, ev->owner))
        g_ptr_array_add (citations, ev->owner);
    }
  g_ptr_array_sort_with_data (citations, owner_cmp, self);
}

/* File or unfile an event's quotes under their articles; marks the
 * articles touched in touched (one byte per article) */
static void
file_evidence (NhsDocument *self,
               GPtrArray   *evidence,
               gboolean     add,
               guint8      *touched)
{
  NhsDataset *ds = self->dataset;

  for (guint i = 0; evidence && i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);

      if (ev->article == NULL)
        continue;
      if (add)
        g_ptr_array_add (ds->quotes[ev->article->index], ev);
      else
        g_ptr_array_remove (ds->quotes[ev->article->index], ev);
      touched[ev->article->index] = 1;
    }
}

static void
file_quotes (NhsDocument *self,
             NhsEvent    *event,
             gboolean     add,
             guint8      *touched)
{
  file_evidence (self, event->evidence, add, touched);
}

/* Sorts the quotes and files the citations of the articles touched */
static void
finish_quotes (NhsDocument *self,
               guint8      *touched)
{
  NhsDataset *ds = self->dataset;

  for (guint i = 0; i < ds->n_articles; i++)
    {
      if (!touched[i])
        continue;
      g_ptr_array_sort (ds->quotes[i], quote_cmp);
      rebuild_citations (self, i);
    }
}

/* Puts what built holds into event, which the window knows, and what event
 * held into built, to be dropped */
static void
swap_event (NhsEvent *event,
            NhsEvent *built)
{
  const gsize offset = G_STRUCT_OFFSET (struct _NhsEvent, id);
  const gsize size = sizeof (struct _NhsEvent) - offset;
  guint index = event->index;
  guint8 tmp[sizeof (struct _NhsEvent)];

  memcpy (tmp, (guint8 *) event + offset, size);
  memcpy ((guint8 *) event + offset, (guint8 *) built + offset, size);
  memcpy ((guint8 *) built + offset, tmp, size);
  event->index = index;
  for (guint i = 0; event->evidence && i < event->evidence->len; i++)
    ((NhsEvidence *) g_ptr_array_index (event->evidence, i))->owner = G_OBJECT (event);
  for (guint i = 0; built->evidence && i < built->evidence->len; i++)
    ((NhsEvidence *) g_ptr_array_index (built->evidence, i))->owner = G_OBJECT (built);
}

/* The event's contents become built's (taken); the event moves to its
 * place in order. One items-changed covers the positions it moves across,
 * so a selection follows it. */
void
_nhs_document_replace_event (NhsDocument *self,
                             NhsEvent    *event,
                             NhsEvent    *built)
{
  NhsDataset *ds = self->dataset;
  g_autofree guint8 *touched = g_new0 (guint8, MAX (ds->n_articles, 1));
  guint old_pos = event->index, new_pos, first, n;
  gint64 old_end_us = event->end_us;

  g_rw_lock_writer_lock (&ds->edit_lock);
  file_quotes (self, event, FALSE, touched);
  /* the table's key is the id the old contents hold */
  g_hash_table_remove (ds->event_by_id, event->id);
  swap_event (event, built);
  g_hash_table_insert (ds->event_by_id, event->id, event);
  file_quotes (self, event, TRUE, touched);

  g_ptr_array_steal_index (ds->event_array, old_pos);
  new_pos = sorted_position (ds->event_array, event);
  g_ptr_array_insert (ds->event_array, new_pos, event);
  first = MIN (old_pos, new_pos);
  n = MAX (old_pos, new_pos) - first + 1;
  reindex (ds, first, first + n);
  update_bounds (ds, old_end_us, event);
  /* only the moved event changes places with others: its own articles
   * list their citations again, the rest keep their order */
  finish_quotes (self, touched);
  g_rw_lock_writer_unlock (&ds->edit_lock);
  g_object_unref (built);

  g_list_model_items_changed (G_LIST_MODEL (ds->events), first, n, n);
  g_signal_emit (self, _nhs_document_signals[SIGNAL_EVENT_CHANGED], 0, event);
}

void
_nhs_document_insert_event (NhsDocument *self,
                            NhsEvent    *event)
{
  NhsDataset *ds = self->dataset;
  g_autofree guint8 *touched = g_new0 (guint8, MAX (ds->n_articles, 1));
  guint pos;

  g_rw_lock_writer_lock (&ds->edit_lock);
  pos = sorted_position (ds->event_array, event);
  g_ptr_array_insert (ds->event_array, pos, g_object_ref (event));
  g_hash_table_insert (ds->event_by_id, event->id, event);
  reindex (ds, pos, ds->event_array->len);
  update_bounds (ds, G_MININT64, event);
  file_quotes (self, event, TRUE, touched);
  finish_quotes (self, touched);
  g_rw_lock_writer_unlock (&ds->edit_lock);
  g_list_model_items_changed (G_LIST_MODEL (ds->events), pos, 0, 1);
  g_object_notify (G_OBJECT (ds), "n-events");
  g_signal_emit (self, _nhs_document_signals[SIGNAL_EVENT_CHANGED], 0, event);
}

void
_nhs_document_remove_event (NhsDocument *self,
                            NhsEvent    *event)
{
  NhsDataset *ds = self->dataset;
  g_autofree guint8 *touched = g_new0 (guint8, MAX (ds->n_articles, 1));
  guint pos = event->index;

  g_assert (g_ptr_array_index (ds->event_array, pos) == event);
  g_rw_lock_writer_lock (&ds->edit_lock);
  file_quotes (self, event, FALSE, touched);
  g_hash_table_remove (ds->event_by_id, event->id);
  /* the command holds the event too */
  g_object_unref (g_ptr_array_steal_index (ds->event_array, pos));
  reindex (ds, pos, ds->event_array->len);
  update_bounds (ds, event->end_us, NULL);
  finish_quotes (self, touched);
  g_rw_lock_writer_unlock (&ds->edit_lock);
  g_list_model_items_changed (G_LIST_MODEL (ds->events), pos, 1, 0);
  g_object_notify (G_OBJECT (ds), "n-events");
  g_signal_emit (self, _nhs_document_signals[SIGNAL_EVENT_CHANGED], 0, event);
}

void
_nhs_document_file_evidence (NhsDocument *self,
                             GPtrArray   *evidence,
                             gboolean     add,
                             guint8      *touched)
{
  file_evidence (self, evidence, add, touched);
}

void
_nhs_document_finish_quotes (NhsDocument *self,
                             guint8      *touched)
{
  finish_quotes (self, touched);
}

/* }}} */
