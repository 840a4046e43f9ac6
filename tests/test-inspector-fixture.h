/* test-inspector-fixture.h: a window on a copy of the fixture dataset,
 * with the inspector open, for the editing tests
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "test-copy-util.h"
#include "test-window-util.h"

typedef struct
{
  char *dir;
  char *path;
  GBytes *original;
  NhsWindow *window;
  NhsInspector *inspector;
} Fixture;

/* A canonical copy of the fixture dataset in a folder of its own, shown in
 * a window with the inspector open */
static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  TestCopy copy = { 0 };
  g_autoptr(NhsDataset) dataset = test_copy_make (&copy, "fixture.json");

  f->dir = copy.dir;
  f->path = copy.path;
  f->original = copy.original;
  reset_settings ();
  f->window = new_window_in_background ();
  nhs_window_set_dataset (f->window, dataset);
  settle (f->window);
  f->inspector = nhs_window_get_inspector (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-inspector", NULL));
  settle (f->window);
  g_assert_nonnull (nhs_window_get_document (f->window));
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  test_copy_clear (&(TestCopy) { f->dir, f->path, f->original });
  reset_settings ();
}
