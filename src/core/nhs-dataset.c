/* nhs-dataset.c: a loaded dataset
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-dataset"

#include "config.h"

#include "nhs-dataset-private.h"
#include "nhs-model-private.h"

G_DEFINE_FINAL_TYPE (NhsDataset, nhs_dataset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_UPDATED,
  PROP_TIMEZONE_ID,
  PROP_FILE,
  PROP_DISPLAY_NAME,
  PROP_N_EVENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Objects in the arrays of a dataset this large are freed in a thread */
#define FREE_IN_THREAD 20000

/* Drops the arrays (NULL-terminated) in order: figures hold events, events
 * hold evidence */
static gpointer
free_arrays_thread (gpointer data)
{
  GPtrArray **arrays = data;

  for (guint i = 0; arrays[i]; i++)
    g_ptr_array_unref (arrays[i]);
  g_free (arrays);
  return NULL;
}

static void
nhs_dataset_finalize (GObject *object)
{
  NhsDataset *self = NHS_DATASET (object);
  GPtrArray **arrays;
  gboolean big;

  g_rw_lock_clear (&self->edit_lock);
  g_free (self->title);
  g_free (self->description);
  g_free (self->timezone_id);
  g_free (self->display_name);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_clear_object (&self->file);

  for (guint i = 0; i < self->n_articles; i++)
    {
      g_clear_pointer (&self->citations[i], g_ptr_array_unref);
      g_clear_pointer (&self->quotes[i], g_ptr_array_unref);
    }
  g_free (self->citations);
  g_free (self->quotes);

  g_clear_pointer (&self->group_by_id, g_hash_table_unref);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->article_by_id, g_hash_table_unref);
  g_clear_pointer (&self->event_by_id, g_hash_table_unref);
  g_clear_pointer (&self->figure_by_id, g_hash_table_unref);
  g_clear_object (&self->figures);
  g_clear_object (&self->events);
  g_clear_object (&self->articles);
  g_clear_object (&self->sources);
  g_clear_object (&self->groups);

  arrays = g_new (GPtrArray *, 6);
  big = self->event_array->len + self->figure_array->len >= FREE_IN_THREAD;
  arrays[0] = g_steal_pointer (&self->figure_array);
  arrays[1] = g_steal_pointer (&self->event_array);
  arrays[2] = g_steal_pointer (&self->article_array);
  arrays[3] = g_steal_pointer (&self->source_array);
  arrays[4] = g_steal_pointer (&self->group_array);
  arrays[5] = NULL;
  /* A large dataset takes a third of a second per 100,000 events to free,
   * all of it in the thread that drops the last reference: usually the
   * window's, as it opens another. The objects only free memory as they
   * go, and their reference counts are atomic (whatever still holds one
   * keeps that object alive), so a thread of their own can do it. */
  if (big)
    g_thread_unref (g_thread_new ("nhs-dataset-free", free_arrays_thread, arrays));
  else
    free_arrays_thread (arrays);

  G_OBJECT_CLASS (nhs_dataset_parent_class)->finalize (object);
}

static void
nhs_dataset_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NhsDataset *self = NHS_DATASET (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_UPDATED: g_value_set_boxed (value, self->updated); break;
    case PROP_TIMEZONE_ID: g_value_set_string (value, self->timezone_id); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case PROP_N_EVENTS: g_value_set_uint (value, self->event_array->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_dataset_class_init (NhsDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nhs_dataset_finalize;
  object_class->get_property = nhs_dataset_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TIMEZONE_ID] = g_param_spec_string ("timezone-id", NULL, NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_N_EVENTS] = g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nhs_dataset_init (NhsDataset *self)
{
  g_rw_lock_init (&self->edit_lock);
  self->group_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->article_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->event_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->figure_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = nhs_object_list_new (NHS_TYPE_GROUP, self->group_array);
  self->sources = nhs_object_list_new (NHS_TYPE_SOURCE, self->source_array);
  self->articles = nhs_object_list_new (NHS_TYPE_ARTICLE, self->article_array);
  self->events = nhs_object_list_new (NHS_TYPE_EVENT, self->event_array);
  self->figures = nhs_object_list_new (NHS_TYPE_FIGURE, self->figure_array);
  self->group_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->article_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->figure_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

NhsDataset *
_nhs_dataset_new (void)
{
  return g_object_new (NHS_TYPE_DATASET, NULL);
}

const char *nhs_dataset_get_title (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return self->title; }
const char *nhs_dataset_get_description (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return self->description; }
GDateTime *nhs_dataset_get_updated (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return self->updated; }
const char *nhs_dataset_get_timezone_id (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return self->timezone_id; }
GTimeZone *nhs_dataset_get_timezone (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return self->timezone; }
GFile *nhs_dataset_get_file (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return self->file; }
const char *nhs_dataset_get_display_name (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return self->display_name; }
gboolean nhs_dataset_is_bundled (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), FALSE); return self->bundled; }
GListModel *nhs_dataset_get_groups (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return G_LIST_MODEL (self->groups); }
GListModel *nhs_dataset_get_sources (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return G_LIST_MODEL (self->sources); }
GListModel *nhs_dataset_get_articles (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return G_LIST_MODEL (self->articles); }
GListModel *nhs_dataset_get_events (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return G_LIST_MODEL (self->events); }
GListModel *nhs_dataset_get_figures (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), NULL); return G_LIST_MODEL (self->figures); }
guint nhs_dataset_get_n_events (NhsDataset *self) { g_return_val_if_fail (NHS_IS_DATASET (self), 0); return self->event_array->len; }

NhsEvent *
nhs_dataset_get_event (NhsDataset *self,
                       guint       position)
{
  g_return_val_if_fail (NHS_IS_DATASET (self), NULL);
  g_return_val_if_fail (position < self->event_array->len, NULL);
  return g_ptr_array_index (self->event_array, position);
}

#define LOOKUP(type, table) \
  g_return_val_if_fail (NHS_IS_DATASET (self), NULL); \
  return id ? g_hash_table_lookup (self->table, id) : NULL;

NhsGroup *nhs_dataset_lookup_group (NhsDataset *self, const char *id) { LOOKUP (NhsGroup, group_by_id) }
NhsSource *nhs_dataset_lookup_source (NhsDataset *self, const char *id) { LOOKUP (NhsSource, source_by_id) }
NhsArticle *nhs_dataset_lookup_article (NhsDataset *self, const char *id) { LOOKUP (NhsArticle, article_by_id) }
NhsEvent *nhs_dataset_lookup_event (NhsDataset *self, const char *id) { LOOKUP (NhsEvent, event_by_id) }
NhsFigure *nhs_dataset_lookup_figure (NhsDataset *self, const char *id) { LOOKUP (NhsFigure, figure_by_id) }

#undef LOOKUP

GPtrArray *
nhs_dataset_get_citations (NhsDataset *self,
                           NhsArticle *article)
{
  g_return_val_if_fail (NHS_IS_DATASET (self), NULL);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (article->index < self->n_articles, NULL);

  return self->citations[article->index];
}

GPtrArray *
nhs_dataset_get_article_quotes (NhsDataset *self,
                                NhsArticle *article)
{
  g_return_val_if_fail (NHS_IS_DATASET (self), NULL);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (article->index < self->n_articles, NULL);

  return self->quotes[article->index];
}

gboolean
nhs_dataset_get_time_bounds (NhsDataset *self,
                             gint64     *start_us,
                             gint64     *end_us)
{
  g_return_val_if_fail (NHS_IS_DATASET (self), FALSE);

  if (self->event_array->len == 0)
    return FALSE;
  if (start_us)
    *start_us = self->min_us;
  if (end_us)
    *end_us = self->max_us;
  return TRUE;
}

void
nhs_dataset_read_lock (NhsDataset *self)
{
  g_return_if_fail (NHS_IS_DATASET (self));
  g_rw_lock_reader_lock (&self->edit_lock);
}

void
nhs_dataset_read_unlock (NhsDataset *self)
{
  g_return_if_fail (NHS_IS_DATASET (self));
  g_rw_lock_reader_unlock (&self->edit_lock);
}
