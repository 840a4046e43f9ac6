/* nhs-dataset-private.h: what the loader fills in
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-dataset.h"
#include "nhs-object-list.h"

G_BEGIN_DECLS

struct _NhsDataset
{
  GObject parent_instance;

  char *title;
  char *description;
  char *timezone_id;
  char *display_name;
  GDateTime *updated;
  GTimeZone *timezone;
  GFile *file;

  /* each array owns its objects; each list shows one array */
  GPtrArray *group_array;
  GPtrArray *source_array;
  GPtrArray *article_array;
  GPtrArray *event_array;
  GPtrArray *figure_array;
  NhsObjectList *groups;
  NhsObjectList *sources;
  NhsObjectList *articles;
  NhsObjectList *events;
  NhsObjectList *figures;

  GHashTable *group_by_id;
  GHashTable *source_by_id;
  GHashTable *article_by_id;
  GHashTable *event_by_id;
  GHashTable *figure_by_id;

  GPtrArray **citations;        /* per article index: GObject */
  GPtrArray **quotes;           /* per article index: NhsEvidence */
  guint n_articles;

  gint64 min_us;
  gint64 max_us;

  /* NhsDocument writes under it; a thread reading the dataset holds it */
  GRWLock edit_lock;

  guint bundled : 1;
  guint read_by_json_glib : 1;  /* not strict JSON: json-glib read it */
  guint from_cache : 1;         /* read from the cache, not the file */
};

NhsDataset *_nhs_dataset_new (void);

/* TRUE: the loader reads every file with json-glib, as it did before it had
 * a reader of its own (for tests that compare the two) */
void        _nhs_dataset_loader_set_json_glib_only (gboolean only);

G_END_DECLS
