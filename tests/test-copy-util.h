/* test-copy-util.h: a dataset copied into a folder of its own, in the
 * canonical layout, for the tests that edit and save it
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset-loader.h"
#include "nhs-document.h"
#include "test-tmpdir.h"

typedef struct
{
  char *dir;                    /* the folder, removed with the copy */
  char *path;                   /* DIR/data.json */
  GBytes *original;             /* its bytes as written */
} TestCopy;

/* Writes SOURCE (a file of tests/data, or NULL for the bundled dataset)
 * as DIR/data.json through the document's writer, so that a save without
 * a change gives the same bytes, and returns the dataset loaded from the
 * copy, as the window would load it */
static inline NhsDataset *
test_copy_make (TestCopy   *copy,
                const char *source_name)
{
  g_autofree char *source = source_name ? g_test_build_filename (G_TEST_DIST, "data", source_name, NULL)
                                        : g_test_build_filename (G_TEST_DIST, "..", "data", "dataset", "nhs-dispute.json", NULL);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) file = NULL;
  g_autoptr(NhsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  NhsDataset *dataset;

  copy->dir = test_make_tmpdir ();
  copy->path = g_build_filename (copy->dir, "data.json", NULL);
  file = g_file_new_for_path (copy->path);
  doc = nhs_document_load_file (source_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nhs_document_save_as (doc, file, &error));
  copy->original = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  dataset = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static inline void
test_copy_clear (TestCopy *copy)
{
  g_clear_pointer (&copy->original, g_bytes_unref);
  if (copy->dir != NULL)
    test_remove_tree (copy->dir);
  g_clear_pointer (&copy->path, g_free);
  g_clear_pointer (&copy->dir, g_free);
}
