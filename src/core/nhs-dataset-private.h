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
};

NhsDataset *_nhs_dataset_new (void);

/* Removes what the snapshot cache of earlier versions left in dir (the
 * loader does it once, for the user's cache folder) */
void        _nhs_dataset_remove_old_cache (const char *dir);

/* Texts this large (the loader's, a save's) are offered to the kernel for
 * huge pages: touching fresh memory 4 kB at a time costs more than
 * reading or writing them (docs/benchmarks.md, "Round six") */
#define NHS_HUGE_PAGE_SIZE ((gsize) 2 << 20)
#define NHS_HUGE_TEXT_MIN (4 * NHS_HUGE_PAGE_SIZE)

/* Offers the whole huge pages inside mem … mem + size to the kernel for
 * huge pages (advice only); FALSE where it cannot be offered */
gboolean    _nhs_advise_huge_pages        (gpointer    mem,
                                           gsize       size);

/* The error for a file over NHS_DATASET_MAX_SIZE, found by the loader
 * (bytes) or before reading (a file) */
GError     *_nhs_dataset_too_large_error  (const char *name,
                                           guint64     size);

G_END_DECLS
