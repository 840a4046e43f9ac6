/* nhs-dataset-cache.h: a compact snapshot of a loaded dataset, for reopening
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a dataset file loads, its objects are written to
 * $XDG_CACHE_HOME/nhs-dispute/<hash of the file's text>.gvariant; opening
 * a file with the same text again reads that instead of the JSON. The key
 * is the text itself (a changed file is never served stale; a copied one
 * still hits), hashed with a fast non-cryptographic 128-bit hash: SHA-256
 * of a 50 MB file takes longer than reading the whole cache. The cache is
 * only ever a shortcut: anything wrong with it (missing, from another
 * version, damaged, unreadable) and the file is parsed as before. A
 * damaged file is removed so that it is written afresh.
 *
 * NHS_DISPUTE_NO_CACHE=1 turns it off.
 */
#pragma once

#include "nhs-dataset-loader.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 hi;
  guint64 lo;
  guint64 size;
} NhsCacheKey;

void        _nhs_cache_key_init        (NhsCacheKey            *key,
                                        const char             *text,
                                        gsize                   len);

gboolean    _nhs_dataset_cache_enabled (void);
/* For tests: where cache files go (NULL: the user's cache directory) */
void        _nhs_dataset_cache_set_dir (const char             *dir);
/* The file for key (it may not exist) */
char       *_nhs_dataset_cache_path    (const NhsCacheKey      *key);

/* The dataset as cached for key, or NULL (nothing usable). Sets *cancelled
 * when the cancellable fired, so the caller does not fall back to parsing. */
NhsDataset *_nhs_dataset_cache_read    (const NhsCacheKey      *key,
                                        const char             *display_name,
                                        GCancellable           *cancellable,
                                        NhsDatasetProgressFunc  progress,
                                        gpointer                progress_data,
                                        gboolean               *cancelled);
/* For tests: makes the header's hash match the damaged body after it, so
 * that the damage reaches the checks behind the hash */
void        _nhs_dataset_cache_reseal  (char                   *data,
                                        gsize                   len);

/* Writes the dataset's snapshot for key, atomically */
gboolean    _nhs_dataset_cache_write   (NhsDataset             *dataset,
                                        const NhsCacheKey      *key,
                                        GError                **error);

G_END_DECLS
